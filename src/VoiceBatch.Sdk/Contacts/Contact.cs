namespace VoiceBatch;

/// <summary>One valid contact of a <see cref="ContactList"/>.</summary>
/// <param name="Row">The 1-based spreadsheet row it came from (the header is row 1).</param>
/// <param name="PhoneNumber">The number in E.164 (<c>+14155550101</c>).</param>
/// <param name="Variables">Every other column of the row: header → cell text.</param>
public sealed record Contact(int Row, string PhoneNumber, IReadOnlyDictionary<string, string> Variables);
