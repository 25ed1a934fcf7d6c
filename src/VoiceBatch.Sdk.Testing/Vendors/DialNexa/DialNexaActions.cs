using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.DialNexa;

/// <summary>
/// <c>PATCH /v1/batch-calls/{id}/status</c> (OA): "Use <c>pause</c> to halt new outbound calls, <c>resume</c> to continue a
/// paused batch, or <c>cancel</c> to permanently stop the batch and remove queued calls." 200
/// <c>{success, message, campaign:{id, status, title}, affectedCalls:{initiated, queued, removedFromQueue, cancelledCallLogs,
/// resumedCallLogs}}</c>; 400 "Invalid action, or action not allowed for the current batch call status"; 404.
/// </summary>
internal static class DialNexaActions
{
    public static async Task HandleAsync(HttpContext context, DialNexaSimulator vendor)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        var body = await Wire.ReadJsonAsync(context).ConfigureAwait(false);
        var action = body is JsonObject o && o["action"] is JsonValue v && v.TryGetValue<string>(out var a) ? a : null;
        BatchOperation? operation = action switch { "pause" => BatchOperation.Pause, "resume" => BatchOperation.Resume, "cancel" => BatchOperation.Cancel, _ => null };
        if (operation is null)
        {
            await Wire.WriteAsync(context, NestError.Of(400, "Invalid action. Must be one of: pause, resume, cancel"), 400).ConfigureAwait(false); // OA 400 example
            return;
        }

        VendorRoutes.SetOperation(context, operation.Value);
        JsonObject? answer;
        int status;
        lock (vendor.Store.Gate)
        {
            var batch = vendor.Store.Find(id);
            if (batch is null)
            {
                answer = null;
                status = 404;
            }
            else
            {
                var now = vendor.Store.Now;
                var before = DialNexaWords.Batch(batch.Phase);
                var waiting = batch.Calls.Count(c => c.StateAt(now) == CallState.Pending);
                var done = operation switch
                {
                    BatchOperation.Pause => batch.Pause(now),
                    BatchOperation.Resume => batch.Resume(now),
                    _ => batch.Cancel(now),
                };
                status = done ? 200 : 400;
                answer = done
                    ? Success(batch, action!, operation.Value, waiting)
                    // The wording is not published; OA: "action not allowed for the current batch call status".
                    : NestError.Of(400, $"Cannot {action} a batch call with status {before}");
            }
        }

        if (answer is null) await DialNexaSimulator.BatchNotFoundAsync(context).ConfigureAwait(false);
        else await Wire.WriteAsync(context, answer, status).ConfigureAwait(false);
    }

    private static JsonObject Success(BatchState batch, string action, BatchOperation operation, int waiting) => new()
    {
        ["success"] = true,
        ["message"] = $"Campaign {(action == "cancel" ? "cancelled" : action + "d")} successfully", // OA example "Campaign paused successfully"
        ["campaign"] = new JsonObject
        {
            ["id"] = batch.Id,
            ["status"] = DialNexaWords.Batch(batch.Phase),
            ["title"] = DialNexaJson.Title(batch),
        },
        ["affectedCalls"] = new JsonObject
        {
            ["initiated"] = 0,
            ["queued"] = 0,
            ["removedFromQueue"] = operation is BatchOperation.Pause or BatchOperation.Cancel ? waiting : 0,
            ["cancelledCallLogs"] = operation == BatchOperation.Cancel ? waiting : 0,
            ["resumedCallLogs"] = operation == BatchOperation.Resume ? waiting : 0,
        },
    };
}
