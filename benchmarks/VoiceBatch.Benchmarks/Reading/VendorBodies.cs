using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceBatch.Benchmarks.Infrastructure;

namespace VoiceBatch.Benchmarks.Reading;

/// <summary>
/// What the fake vendors answer: the vendors' own seed and published examples as the test project keeps them
/// (<c>tests/VoiceBatch.Sdk.Tests/Fixtures/{Seeds,Published}</c>, copied next to this assembly), and larger answers
/// generated from those examples' shapes (a 1,000-recipient VoiceAI batch, pages of batch-details records and DialNexa
/// call logs). Deterministic: the same bytes every run.
/// </summary>
public static class VendorBodies
{
    private static readonly string[] BatchDetailsOutcomes = ["completed", "completed", "no-answer", "completed", "busy", "failed", "completed", "in-progress", "completed", "voicemail"];
    private static readonly string[] DialNexaOutcomes = ["completed", "completed", "did_not_pick", "completed", "busy", "failed", "completed", "initiated", "completed", "retry_expired"];
    private static readonly string[] RecipientOutcomes = ["completed", "completed", "failed", "in_progress", "completed", "voicemail", "pending", "completed", "dispatched", "cancelled"];
    private static readonly string[] Cities = ["Austin", "Boston", "Chicago", "Denver", "Houston", "Miami", "New York", "Phoenix", "San José", "Seattle"];

    public static byte[] Seed(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds", name));

    public static byte[] Published(string vendor, string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Published", vendor, name));

    /// <summary>
    /// Synthflow's get answer. Synthflow publishes no get example (the get page was not readable, see SynthflowAdapter),
    /// and its published create answer is cut after <c>from_phone_number</c>: this is that answer's
    /// <c>{status, response}</c> envelope and first members, completed with the batch members the reference pages name
    /// (status, the four counters, created_at, model_id), values made up.
    /// </summary>
    public static byte[] SynthflowBatch() => Encoding.UTF8.GetBytes("""
        {
        "status": "ok",
        "response": {
        "batch_call_id": "3f6f2f5e-4f4b-4f0e-9a4e-2b6d1a5c7e90",
        "name": "August re-engagement",
        "from_phone_number": "+16286666348",
        "status": "scheduled",
        "total_task_count": 250,
        "dispatched_count": 180,
        "failed_count": 12,
        "pending_count": 58,
        "created_at": "2026-06-23T14:00:00Z",
        "model_id": "1631a495-7f7d-4a8c-9d3a-5e2b8f0c1d23"
        }
        }
        """);

    /// <summary>Seed 001 (VoiceAI's get) with <paramref name="recipients"/> recipients of the seed's own recipient shape:
    /// E.164 numbers, ids, conversation ids, statuses and dynamic variables varied per recipient; compact, as vendors send.</summary>
    public static byte[] VoiceAIBatch(int recipients)
    {
        var batch = JsonNode.Parse(Seed("voiceai-get.json"))!.AsObject();
        var template = batch["recipients"]!.AsArray()[0]!;
        var list = new JsonArray();
        for (var i = 0; i < recipients; i++)
        {
            var r = template.DeepClone().AsObject();
            r["id"] = $"rcp_{i:000000}";
            r["status"] = RecipientOutcomes[i % RecipientOutcomes.Length];
            r["created_at_unix"] = 1_767_000_000 + i;
            r["updated_at_unix"] = 1_767_000_600 + i;
            r["phone_number"] = BenchmarkData.Phone(i);
            r["whatsapp_user_id"] = null;
            r["conversation_id"] = $"conv_{i:000000}";
            var data = r["conversation_initiation_client_data"]!.AsObject();
            data["user_id"] = $"user_{i:000000}";
            data["dynamic_variables"] = new JsonObject { ["name"] = $"Person {i:000000}", ["city"] = Cities[i % Cities.Length], ["balance"] = (i % 1000 / 10.0).ToString("0.0", CultureInfo.InvariantCulture) };
            list.Add(r);
        }

        batch["id"] = "btc_voiceai_1000";
        batch["name"] = "Renewals 1000";
        batch["agent_id"] = "agent_renewals";
        batch["agent_name"] = "Renewals agent";
        batch["status"] = "in_progress";
        batch["created_at_unix"] = 1_767_000_000;
        batch["scheduled_time_unix"] = 1_767_000_000;
        batch["last_updated_at_unix"] = 1_767_003_600;
        batch["phone_number_id"] = "phnum_renewals";
        batch["recipients"] = list;
        batch["total_calls_dispatched"] = recipients * 8 / 10;
        batch["total_calls_scheduled"] = recipients;
        batch["total_calls_finished"] = recipients * 6 / 10;
        return Encoding.UTF8.GetBytes(batch.ToJsonString());
    }

    /// <summary>A batch-details count answer (<c>limit=1</c> with a <c>callStatus</c> filter): seed 002's envelope, that
    /// word's total and one record (or none when the total is 0).</summary>
    public static byte[] BatchDetailsCount(string batchId, int total)
        => BatchDetailsPage(batchId, page: 1, limit: 1, total, first: 0, count: total > 0 ? 1 : 0);

    /// <summary>
    /// One page of seed 002's answer (<c>{message, status, code, errorMessage, data:{batchId, …, data[]}}</c>) holding
    /// records <paramref name="first"/>..first+count-1 of a batch of <paramref name="total"/>, each of the seed's record
    /// shape (about 350 bytes): 24-hex <c>_id</c>, digits-only <c>phoneNumber</c> (1 in 100 too short to be valid), the
    /// contact's own fields, and <c>phoneLogs</c> — one attempt mostly, two for 1 in 10 (a retry, the later attempt last),
    /// none for 1 in 20 (not dialled yet).
    /// </summary>
    public static byte[] BatchDetailsPage(string batchId, int page, int limit, int total, int first, int count)
    {
        using var buffer = new MemoryStream(count * 400 + 400);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("message", "Calls fetched successfully");
            json.WriteBoolean("status", true);
            json.WriteNumber("code", 200);
            json.WriteString("errorMessage", "");
            json.WriteStartObject("data");
            json.WriteString("batchId", batchId);
            json.WriteString("batchName", "Marketing Campaign May 2025");
            json.WriteString("batchStatus", "active");
            json.WriteNumber("page", page);
            json.WriteNumber("limit", limit);
            json.WriteNumber("total", total);
            json.WriteNumber("totalPages", (total + limit - 1) / limit);
            json.WriteStartArray("data");
            for (var i = first; i < first + count; i++) BatchDetailsRecord(json, i);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void BatchDetailsRecord(Utf8JsonWriter json, int i)
    {
        var created = new DateTime(2025, 5, 15, 14, 0, 0, DateTimeKind.Utc).AddSeconds(i);
        json.WriteStartObject();
        json.WriteString("_id", $"64e5f12345abcdef{i:x8}");
        json.WriteString("phoneNumber", BenchmarkData.Phone(i)[1..]);
        json.WriteString("name", $"Person {i:000000}");
        json.WriteString("account_id", $"ACC-{i:000000}");
        json.WriteString("priority", i % 3 == 0 ? "high" : "normal");
        json.WriteStartArray("phoneLogs");
        if (i % 20 != 19)
        {
            if (i % 10 == 3) PhoneLog(json, i, "no-answer", 0, created.AddMinutes(5));
            PhoneLog(json, i, BatchDetailsOutcomes[i % BatchDetailsOutcomes.Length], 30 + i % 300, created.AddMinutes(30));
        }

        json.WriteEndArray();
        json.WriteString("createdAt", created.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static void PhoneLog(Utf8JsonWriter json, int i, string status, int seconds, DateTime at)
    {
        json.WriteStartObject();
        json.WriteString("callStatus", status);
        json.WriteNumber("callDuration", seconds);
        json.WriteString("recordingUrl", $"https://example.com/recordings/{i:000000}.mp3");
        json.WriteString("transcript", "Call transcript here...");
        json.WriteString("createdAt", at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    /// <summary>One page of DialNexa's current call-log list (<c>GET /v1/calls</c>, OA: a bare array), records
    /// <paramref name="first"/>..first+count-1, each of OA's <c>calls-list-200</c> shape plus the batch id and recording
    /// link of the older docs' logs (about 330 bytes).</summary>
    public static byte[] DialNexaCallsPage(string batchId, int first, int count)
    {
        using var buffer = new MemoryStream(count * 400 + 16);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = first; i < first + count; i++)
            {
                var status = DialNexaOutcomes[i % DialNexaOutcomes.Length];
                json.WriteStartObject();
                json.WriteString("id", $"call_{i:0000000}");
                json.WriteString("batch_call_id", batchId);
                json.WriteString("agent_id", "agent_2g7Xy3tY53gRlp");
                json.WriteString("to_number", BenchmarkData.Phone(i));
                json.WriteString("from_number", "+14155552671");
                json.WriteString("status", status);
                json.WriteString("call_direction", "outbound");
                json.WriteString("createdAt", new DateTime(2026, 7, 3, 10, 30, 0, DateTimeKind.Utc).AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                json.WriteNumber("duration", status == "completed" ? 20 + i % 200 : 0);
                json.WriteString("end_reason", status == "completed" ? "agent_hangup" : "no_answer");
                if (status == "completed") json.WriteString("recording_url", $"https://recordings.dialnexa.com/call_{i:0000000}.mp3");
                else json.WriteNull("recording_url");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
