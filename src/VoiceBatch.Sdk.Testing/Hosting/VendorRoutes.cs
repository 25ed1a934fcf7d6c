using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoiceBatch.Testing.Hosting;

/// <summary>
/// Maps one vendor's routes under its prefix. Every route checks the vendor's auth first (answering the vendor's own 401)
/// and carries <see cref="SimulatedRoute"/> metadata for the request log and fault matching.
/// </summary>
internal sealed class VendorRoutes(IEndpointRouteBuilder group, VendorSimulator vendor)
{
    private const string OperationKey = "VoiceBatch.Testing.Operation";

    /// <summary>Maps <c>GET template</c>.</summary>
    public void Get(string template, BatchOperation? operation, RequestDelegate handler) => Map("GET", template, operation, handler);

    /// <summary>Maps <c>POST template</c>.</summary>
    public void Post(string template, BatchOperation? operation, RequestDelegate handler) => Map("POST", template, operation, handler);

    /// <summary>Maps <c>PATCH template</c>.</summary>
    public void Patch(string template, BatchOperation? operation, RequestDelegate handler) => Map("PATCH", template, operation, handler);

    /// <summary>Maps <c>DELETE template</c>.</summary>
    public void Delete(string template, BatchOperation? operation, RequestDelegate handler) => Map("DELETE", template, operation, handler);

    /// <summary>Records the operation a request turned out to be, when the route alone does not say (DialNexa's status PATCH).</summary>
    public static void SetOperation(HttpContext context, BatchOperation operation) => context.Items[OperationKey] = operation;

    /// <summary>The operation recorded by <see cref="SetOperation"/>, if any.</summary>
    public static BatchOperation? OperationOf(HttpContext context) => context.Items.TryGetValue(OperationKey, out var op) ? op as BatchOperation? : null;

    private void Map(string method, string template, BatchOperation? operation, RequestDelegate handler)
    {
        group.MapMethods(template, [method], async context =>
            {
                if (!vendor.IsAuthorized(context.Request))
                {
                    await Wire.WriteAsync(context, vendor.ErrorBody(StatusCodes.Status401Unauthorized, context.Request), StatusCodes.Status401Unauthorized).ConfigureAwait(false);
                    return;
                }

                await handler(context).ConfigureAwait(false);
            })
            .WithMetadata(new SimulatedRoute(vendor, template, operation));
    }
}
