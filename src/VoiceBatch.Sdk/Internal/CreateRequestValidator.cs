using VoiceBatch.Contacts;

namespace VoiceBatch.Internal;

/// <summary>Checks a create request before anything is sent. Returns the request to send (without invalid rows
/// when the caller opted in with <see cref="CreateBatchRequest.SkipInvalidContacts"/>).</summary>
internal static class CreateRequestValidator
{
    public static CreateBatchRequest Validate(ProviderId provider, CreateBatchRequest request, ProviderCapabilities capabilities, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.AgentId))
        {
            throw new ArgumentException("CreateBatchRequest.AgentId is required.", nameof(request));
        }

        if (request.Contacts is null)
        {
            throw new ArgumentException("CreateBatchRequest.Contacts is required.", nameof(request));
        }

        var contacts = request.Contacts;
        if (contacts.Errors.Count > 0 && !request.SkipInvalidContacts)
        {
            var first = string.Join("; ", contacts.Errors.Take(5).Select(e => $"row {e.Row}: {e.Reason}"));
            throw new ContactValidationException(
                $"{contacts.Errors.Count} contact row(s) are invalid ({first}{(contacts.Errors.Count > 5 ? "; …" : string.Empty)}). "
                + "Fix them, or set CreateBatchRequest.SkipInvalidContacts to call only the valid rows. Nothing was sent.",
                contacts.Errors, provider);
        }

        if (contacts.Contacts.Count == 0)
        {
            throw new ContactValidationException("The batch has no valid contacts to call. Nothing was sent.", contacts.Errors, provider);
        }

        if (capabilities.MaxContacts is { } max && contacts.Contacts.Count > max)
        {
            throw new ContactValidationException($"Provider '{provider}' accepts at most {max} contacts per batch; this one has {contacts.Contacts.Count}. Split it. Nothing was sent.", [], provider);
        }

        if (request.ScheduledAt is { } at && at < now)
        {
            throw new ArgumentOutOfRangeException(nameof(request), at, "CreateBatchRequest.ScheduledAt is in the past. Nothing was sent.");
        }

        if (request.MaxConcurrentCalls is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxConcurrentCalls, "CreateBatchRequest.MaxConcurrentCalls must be at least 1.");
        }

        if (request.MaxRetries is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxRetries, "CreateBatchRequest.MaxRetries cannot be negative.");
        }

        if (request.FromPhoneNumber is { Length: > 0 } from && from.StartsWith('+') && !PhoneNumberNormalizer.TryNormalize(from, null, out _))
        {
            throw new ArgumentException("CreateBatchRequest.FromPhoneNumber is not a valid E.164 number.", nameof(request));
        }

        return request;
    }
}
