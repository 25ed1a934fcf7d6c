using System.Text.Json;
using VoiceBatch.Http;
using static VoiceBatch.Internal.WireJson;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// One page of a DialNexa list, whichever envelope carried it: a bare array (<c>/v1/calls</c>),
/// <c>{items[], total, page, limit}</c> (OpenAPI list), <c>{data[], meta:{page, limit, total, totalPages}}</c> (older
/// docs) or <c>{callLogs[], total, page, limit, totalPages}</c>. Items stay raw JSON so each keeps its own
/// <c>Raw</c>; the page numbers are read from the envelope or its <c>meta</c>.
/// </summary>
internal sealed record DialNexaPage(IReadOnlyList<JsonElement> Items, int? Total, int? Limit, int? TotalPages)
{
    public static DialNexaPage Read(JsonElement raw, ProviderId provider)
    {
        if (raw.ValueKind == JsonValueKind.Array) return new DialNexaPage([.. raw.EnumerateArray()], null, null, null);

        var dto = WireResponse.Bind(raw, VoiceBatchJsonContext.Default.DialNexaPageDto, provider);
        var items = Array(dto.Items) ?? Array(dto.Data) ?? Array(dto.CallLogs);
        if (items is null && !HasList(raw))
        {
            throw new VoiceBatchResponseException(
                $"'{provider}' sent a list without an items, data or callLogs array.", WireResponse.Snippet(raw), provider);
        }

        return new DialNexaPage(
            items ?? [],
            Int(dto.Total) ?? Int(dto.Meta?.Total),
            Int(dto.Limit) ?? Int(dto.Meta?.Limit),
            Int(dto.TotalPages) ?? Int(dto.Meta?.TotalPages));
    }

    /// <summary>
    /// Whether to ask for the page after <paramref name="pageNumber"/>: no after an empty page, a short page (fewer
    /// items than the <c>limit</c> the vendor echoed, else than requested), the last page by <c>totalPages</c>, or the
    /// last item by <c>total</c>. A <c>totalPages</c> that promises more than there is ends on the first short or
    /// empty page.
    /// </summary>
    public bool HasMoreAfter(int pageNumber, int requestedLimit)
    {
        var limit = Limit is > 0 ? Limit.Value : requestedLimit;
        if (Items.Count == 0 || Items.Count < limit) return false;
        if (TotalPages is { } pages && pageNumber >= pages) return false;
        if (Total is { } total && (long)pageNumber * limit >= total) return false;
        return true;
    }

    // A list key present but null (e.g. "items": null) is an empty page, not a wrong shape.
    private static bool HasList(JsonElement raw)
        => raw.ValueKind == JsonValueKind.Object
           && (raw.TryGetProperty("items", out _) || raw.TryGetProperty("data", out _) || raw.TryGetProperty("callLogs", out _));
}
