using System.Net.Http.Headers;

namespace VoiceBatch.Http;

/// <summary>
/// The one way adapters build a <c>multipart/form-data</c> body: parts in the order added, names and file names
/// quoted exactly as curl (the vendors' own examples) sends them — .NET would otherwise leave token names unquoted
/// (<c>name=agent_id</c>), which stricter form parsers refuse. A null text value adds no part.
/// </summary>
internal static class MultipartForm
{
    public static MultipartFormDataContent Text(this MultipartFormDataContent form, string name, string? value)
    {
        if (value is null) return form;
        var part = new StringContent(value);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        form.Add(part);
        return form;
    }

    public static MultipartFormDataContent File(this MultipartFormDataContent form, string name, string fileName, byte[] bytes, string contentType)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name), FileName = Quote(fileName) };
        form.Add(part);
        return form;
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "%22", StringComparison.Ordinal) + "\"";
}
