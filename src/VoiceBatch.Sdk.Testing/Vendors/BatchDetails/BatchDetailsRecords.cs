using System.Globalization;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.BatchDetails;

/// <summary>
/// batch-details call records as seed 002 shows them: <c>_id</c>, <c>phoneNumber</c> (digits, no <c>+</c>), <c>name</c>,
/// every other contact field at the top level (<c>account_id</c>, <c>priority</c> …), <c>phoneLogs[]</c> — one per dial,
/// <c>{callStatus, callDuration, recordingUrl, transcript, createdAt}</c> — and <c>createdAt</c>.
/// </summary>
internal static class BatchDetailsRecords
{
    private static readonly string[] FirstNames = ["James", "Maria", "Wei", "Aisha", "Lucas", "Priya", "Omar", "Sofia", "Kenji", "Amara", "Noah", "Elena"];
    private static readonly string[] LastNames = ["Smith", "Garcia", "Chen", "Khan", "Silva", "Patel", "Haddad", "Rossi", "Tanaka", "Okafor", "Brown", "Novak"];

    /// <summary>The batch's words: the seed's <c>active</c>, and <c>completed</c>/<c>paused</c> from its field description.</summary>
    public static string BatchWord(BatchPhase phase) => phase switch
    {
        BatchPhase.Paused => "paused",
        BatchPhase.Completed => "completed",
        BatchPhase.Cancelled => "cancelled",
        _ => "active",
    };

    /// <summary>A phone log's <c>callStatus</c> (the common call-status words), or null before the call is dialled.</summary>
    public static string? CallWord(CallState state) => state switch
    {
        CallState.Ringing => "ringing",
        CallState.InProgress => "in-progress",
        CallState.Completed => "completed",
        CallState.NoAnswer => "no-answer",
        CallState.Busy => "busy",
        CallState.Failed => "failed",
        _ => null,
    };

    /// <summary>The record of one simulated call at <paramref name="now"/>.</summary>
    public static JsonObject Of(BatchState batch, SimCall call, DateTimeOffset now)
    {
        var variables = call.Contact.Variables;
        var record = new JsonObject
        {
            ["_id"] = call.Id,
            ["phoneNumber"] = call.Contact.PhoneNumber.TrimStart('+'),
            ["name"] = variables.TryGetValue("name", out var n) ? n : variables.TryGetValue("customer_name", out var c) ? c : null,
        };
        foreach (var (key, value) in variables)
        {
            if (key is "name" or "_id" or "phoneNumber" or "phoneLogs" or "createdAt") continue;
            record[key] = value;
        }

        var logs = new JsonArray();
        foreach (var attempt in call.Attempts.Where(a => a.DialedAt <= now))
        {
            var state = attempt == call.Latest ? call.StateAt(now) : attempt.StateAt(DateTimeOffset.MaxValue);
            logs.Add(Log(CallWord(state)!, state == CallState.Completed ? (long)Math.Round(attempt.TalkTime.TotalSeconds) : 0, call.Id, attempt.DialedAt));
        }

        record["phoneLogs"] = logs;
        record["createdAt"] = Wire.IsoMillis(batch.CreatedAt);
        return record;
    }

    /// <summary>The seed batch's 150 records: seed 002's own record first (newest), then 149 more in its shape, drawn from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<JsonObject> SeedRecords(JsonObject seedRecord, int seed, CallOutcomeMix mix)
    {
        var dice = new Dice(Dice.Derive(seed, "batchdetails/seed"));
        var random = new Random(Dice.Derive(seed, "batchdetails/seed-names"));
        var records = new List<JsonObject> { (JsonObject)seedRecord.DeepClone() };
        var firstCreated = DateTimeOffset.Parse("2025-05-15T14:00:00.000Z", CultureInfo.InvariantCulture);
        for (var i = 1; i < 150; i++)
        {
            var created = firstCreated.AddMinutes(-i);
            var outcome = dice.Outcome(mix);
            var word = outcome switch { CallOutcome.Answered => "completed", CallOutcome.NoAnswer => "no-answer", CallOutcome.Busy => "busy", _ => "failed" };
            var talk = outcome == CallOutcome.Answered ? 30 + random.Next(240) : 0;
            records.Add(new JsonObject
            {
                ["_id"] = "64e5f12345abcdef" + (11111111 + i).ToString("x8", CultureInfo.InvariantCulture),
                ["phoneNumber"] = "1212555" + (1234 + i).ToString("0000", CultureInfo.InvariantCulture),
                ["name"] = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                ["account_id"] = "ACC-" + (5678 + i).ToString(CultureInfo.InvariantCulture),
                ["priority"] = random.Next(3) == 0 ? "high" : "normal",
                ["phoneLogs"] = new JsonArray(Log(word, talk, "seed" + i.ToString(CultureInfo.InvariantCulture), created.AddMinutes(30))),
                ["createdAt"] = Wire.IsoMillis(created),
            });
        }

        return records;
    }

    private static JsonObject Log(string word, long seconds, string callId, DateTimeOffset at)
    {
        var log = new JsonObject { ["callStatus"] = word, ["callDuration"] = seconds };
        if (word == "completed")
        {
            log["recordingUrl"] = $"https://recordings.batchdetails.sim.invalid/{callId}.mp3";
            log["transcript"] = "Agent: Hello, this is a quick follow-up call. Contact: Thanks, that works for me.";
        }

        log["createdAt"] = Wire.IsoMillis(at);
        return log;
    }
}
