#!/usr/bin/env python3
"""What the packages carry, read from the .nupkg/.snupkg files themselves (used by ./run).

inspect.py <repo> <feed> <version>   every package: README, license, repository URL and commit, description, symbols;
                                     VoiceBatch.Sdk lists exactly its project's direct dependencies, with the ranges of
                                     Directory.Packages.props and an upper bound on every third-party major;
                                     no package depends on a known-vulnerable version.
inspect.py --graph <project.assets.json>   no known-vulnerable version anywhere in an app's restored graph.

Offline, `dotnet list package --vulnerable` sees no advisory data, so the advisories this project has met are also
listed here by hand (KNOWN_VULNERABLE); ./run runs the dotnet command as well, for machines that have the data.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

# id -> [(first affected, first fixed)], lower-case ids.
KNOWN_VULNERABLE = {
    "system.drawing.common": [("0.0.0", "4.7.2"), ("5.0.0", "5.0.3")],  # GHSA-rxg9-xrhp-64gj (critical)
}
PACKAGES = ["VoiceBatch.Sdk", "VoiceBatch.Sdk.Testing", "voicebatch"]
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def version_key(text):
    return tuple(int(p) for p in re.findall(r"\d+", text.split("-")[0])[:4])


def vulnerable(package_id, version):
    for low, fixed in KNOWN_VULNERABLE.get(package_id.lower(), []):
        if version_key(low) <= version_key(version) < version_key(fixed):
            return True
    return False


def lowest(range_text):
    return range_text.strip("[( ").split(",")[0].strip()


def nuspec(archive):
    name = next(n for n in archive.namelist() if n.endswith(".nuspec"))
    root = ET.fromstring(archive.read(name))
    ns = {"n": root.tag.split("}")[0].strip("{")}
    return root.find("n:metadata", ns), ns


def inspect_packages(repo, feed, version):
    for package in PACKAGES:
        nupkg = feed / f"{package}.{version}.nupkg"
        snupkg = feed / f"{package}.{version}.snupkg"
        check(nupkg.exists(), f"{nupkg.name} is missing")
        check(snupkg.exists(), f"{snupkg.name} (symbols) is missing")
        if not nupkg.exists():
            continue
        with zipfile.ZipFile(nupkg) as archive:
            files = archive.namelist()
            meta, ns = nuspec(archive)
            text = lambda tag: (meta.findtext(f"n:{tag}", default="", namespaces=ns) or "").strip()
            check(text("readme") and text("readme") in files, f"{package}: no package README")
            license = meta.find("n:license", ns)
            check(license is not None and license.get("type") == "expression" and license.text == "MIT", f"{package}: no MIT license expression")
            repository = meta.find("n:repository", ns)
            check(repository is not None and (repository.get("url") or "").startswith("https://"), f"{package}: no repository URL")
            check(repository is not None and re.fullmatch(r"[0-9a-f]{40}", repository.get("commit") or ""), f"{package}: no repository commit")
            for tag in ("description", "authors", "tags", "projectUrl"):
                check(text(tag), f"{package}: no {tag}")
            dependencies = [(d.get("id"), d.get("version")) for d in meta.iter(f"{{{ns['n']}}}dependency")]
            for dep_id, dep_version in dependencies:
                check(not vulnerable(dep_id, lowest(dep_version)), f"{package}: depends on vulnerable {dep_id} {dep_version}")
            dlls = [f for f in files if f.endswith(".dll") and (f.startswith("lib/") or f"/{package}.dll".lower() in f.lower())]
            if package == "VoiceBatch.Sdk":
                check_sdk_dependencies(repo, dependencies)
            elif package == "VoiceBatch.Sdk.Testing":
                check(dependencies == [("VoiceBatch.Sdk", version)], f"{package}: dependencies {dependencies}, expected only VoiceBatch.Sdk {version}")
            else:
                types = [t.get("name") for t in meta.iter(f"{{{ns['n']}}}packageType")]
                check(types == ["DotnetTool"], f"{package}: package types {types}, expected DotnetTool")
                check(not dependencies, f"{package}: a tool carries its dependencies, yet lists {dependencies}")
                settings = next((f for f in files if f.endswith("DotnetToolSettings.xml")), None)
                check(settings and b'Name="voicebatch"' in archive.read(settings), f"{package}: the command is not named voicebatch")
                dlls = [f for f in files if f.endswith("/voicebatch.dll")]
        if snupkg.exists():
            with zipfile.ZipFile(snupkg) as symbols:
                pdbs = {Path(f).stem.lower() for f in symbols.namelist() if f.endswith(".pdb")}
                for dll in dlls:
                    check(Path(dll).stem.lower() in pdbs, f"{snupkg.name}: no PDB for {dll}")


def check_sdk_dependencies(repo, dependencies):
    """Exactly the SDK project's own PackageReferences (private ones excluded), at the central versions."""
    project = ET.parse(repo / "src/VoiceBatch.Sdk/VoiceBatch.Sdk.csproj").getroot()
    direct = [r.get("Include") for r in project.iter("PackageReference") if (r.get("PrivateAssets") or "").lower() != "all"]
    central = {v.get("Include"): v.get("Version") for v in ET.parse(repo / "Directory.Packages.props").getroot().iter("PackageVersion")}
    expected = sorted((d, central[d].replace(" ", "")) for d in direct)
    actual = sorted((i, v.replace(" ", "")) for i, v in dependencies)
    check(actual == expected, f"VoiceBatch.Sdk lists {actual}, but its project references {expected}")
    for dep_id, dep_version in dependencies:
        if not dep_id.startswith(("Microsoft.", "System.")):
            check(dep_version.rstrip().endswith(")"), f"VoiceBatch.Sdk: {dep_id} {dep_version} has no exclusive upper bound on its major")


def inspect_graph(assets):
    libraries = json.load(open(assets))["libraries"]
    for key, library in libraries.items():
        if library.get("type") != "package":
            continue
        package_id, version = key.split("/")
        check(not vulnerable(package_id, version), f"the app's graph holds vulnerable {package_id} {version}")


if sys.argv[1] == "--graph":
    inspect_graph(sys.argv[2])
else:
    inspect_packages(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
for problem in problems:
    print(f"package-consumer: {problem}")
sys.exit(1 if problems else 0)
