namespace VoiceBatch.Testing;

/// <summary>One contact exactly as a simulated vendor received it.</summary>
/// <param name="PhoneNumber">The number as sent (the <c>phone_number</c> / <c>contact_number</c> cell or JSON member), not re-normalised.</param>
/// <param name="Variables">Every other column of the uploaded file, or the recipient's dynamic variables (as text).</param>
public sealed record SimulatedContact(string PhoneNumber, IReadOnlyDictionary<string, string> Variables);
