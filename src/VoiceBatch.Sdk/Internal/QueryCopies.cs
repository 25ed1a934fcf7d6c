namespace VoiceBatch.Internal;

/// <summary>Copies caller-supplied queries so nothing downstream can change the caller's objects.</summary>
internal static class QueryCopies
{
    public static CallQuery Copy(CallQuery? query) => query is null
        ? new CallQuery()
        : new CallQuery
        {
            Status = query.Status,
            Search = query.Search,
            SortBy = query.SortBy,
            Descending = query.Descending,
            PageSize = query.PageSize,
            AdditionalParameters = new Dictionary<string, string>(query.AdditionalParameters ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        };

    public static BatchQuery Copy(BatchQuery? query) => query is null
        ? new BatchQuery()
        : new BatchQuery
        {
            AgentId = query.AgentId,
            Status = query.Status,
            PageSize = query.PageSize,
            AdditionalParameters = new Dictionary<string, string>(query.AdditionalParameters ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        };
}
