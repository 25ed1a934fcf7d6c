namespace VoiceBatch;

/// <summary>Why one row of a contact sheet cannot be called.</summary>
/// <param name="Row">The 1-based spreadsheet row (the header is row 1).</param>
/// <param name="Column">The column at fault, if one.</param>
/// <param name="Reason">What is wrong, in words a person can act on.</param>
/// <param name="Value">The offending cell text, if any (phone numbers are masked in messages, kept here for the caller).</param>
public sealed record ContactRowError(int Row, string? Column, string Reason, string? Value);
