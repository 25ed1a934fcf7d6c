using System.Reflection;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Tests;

public sealed class CatalogTests
{
    /// <summary>A vendor added to the SDK (a new <c>ProviderId.X</c>) must be reachable from the tool: one line in ProviderCatalog.</summary>
    [Test]
    public void The_tool_reaches_every_vendor_the_SDK_names()
    {
        var named = typeof(ProviderId).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ProviderId))
            .Select(p => (ProviderId)p.GetValue(null)!);

        Assert.That(ProviderCatalog.Known, Is.SupersetOf(named));
    }
}
