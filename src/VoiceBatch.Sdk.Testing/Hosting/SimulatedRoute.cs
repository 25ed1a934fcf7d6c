namespace VoiceBatch.Testing.Hosting;

/// <summary>Endpoint metadata: which vendor route an endpoint is (null template: the vendor's catch-all 404).</summary>
internal sealed record SimulatedRoute(VendorSimulator Vendor, string? Template, BatchOperation? Operation);
