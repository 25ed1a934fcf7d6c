using System.Text;
using Microsoft.AspNetCore.Http;

namespace VoiceBatch.Testing.Hosting;

/// <summary>A multipart create as a vendor reads it: its text fields and its uploaded file.</summary>
internal sealed class Upload
{
    private Upload(IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, IReadOnlyList<string>> repeated, IFormFile? file, string? fileText)
    {
        Fields = fields;
        Repeated = repeated;
        File = file;
        FileText = fileText;
    }

    /// <summary>Each text field's last value.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Each text field's every value (for repeatable fields such as Bolna's <c>from_phone_numbers</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Repeated { get; }

    /// <summary>The part named <c>file</c>, if any.</summary>
    public IFormFile? File { get; }

    /// <summary>The file's content as UTF-8 text (null without a file).</summary>
    public string? FileText { get; }

    /// <summary>True when the uploaded file looks like a workbook (XLSX zip or XLS compound file) rather than text.</summary>
    public bool FileIsWorkbook { get; private init; }

    /// <summary>The field's trimmed value, or null when absent or blank.</summary>
    public string? Field(string name) => Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>Reads the form, or null when the request is not <c>multipart/form-data</c> (or url-encoded).</summary>
    public static async Task<Upload?> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType) return null;
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString() is var all && f.Value.Count > 1 ? f.Value[^1] ?? string.Empty : all, StringComparer.Ordinal);
        var repeated = form.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.Ordinal);
        var file = form.Files.GetFile("file");
        string? text = null;
        var workbook = false;
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            var bytes = buffer.ToArray();
            workbook = bytes.Length >= 4 && ((bytes[0] == 0x50 && bytes[1] == 0x4B) || (bytes[0] == 0xD0 && bytes[1] == 0xCF));
            text = Encoding.UTF8.GetString(bytes);
        }

        return new Upload(fields, repeated, file, text) { FileIsWorkbook = workbook };
    }
}
