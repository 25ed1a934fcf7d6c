using System.Globalization;
using Spectre.Console;

namespace VoiceBatch.Demo;

/// <summary>
/// Everything the demo prints. In a terminal: Spectre.Console live bars, one per vendor. Non-interactive (<c>CI=true</c>,
/// output redirected): the same tables, and one plain line per progress change instead of bars.
/// </summary>
internal sealed class Display
{
    private readonly IAnsiConsole _console;
    private readonly bool _live;
    private readonly Lock _gate = new();

    private Display(IAnsiConsole console, bool live)
    {
        _console = console;
        _live = live;
    }

    public static Display ForThisTerminal()
    {
        var ci = Environment.GetEnvironmentVariable("CI") is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1");
        if (!ci && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive) return new Display(AnsiConsole.Console, live: true);
        var plain = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        plain.Profile.Width = 160;
        return new Display(plain, live: false);
    }

    /// <summary>Masks a number the way the SDK masks them in its own messages (PhoneNumberNormalizer.Mask): the first
    /// 5 and last 4 characters, <c>+1415***0101</c>; 6 characters or fewer are all stars.</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number)) return string.Empty;
        return number.Length <= 6 ? new string('*', number.Length) : string.Concat(number.AsSpan(0, Math.Min(5, number.Length - 4)), "***", number.AsSpan(number.Length - 4));
    }

    public void Note(string text) => _console.MarkupLine("[grey]" + Markup.Escape(text) + "[/]");

    public void Problem(string text) => _console.MarkupLine("[red]" + Markup.Escape(text) + "[/]");

    public void RowErrors(ContactList contacts)
    {
        _console.MarkupLine($"[bold]leads.csv[/]: {contacts.Contacts.Count} contacts to call, {contacts.Errors.Count} rows refused (nothing is sent for them):");
        foreach (var error in contacts.Errors)
        {
            var value = string.IsNullOrEmpty(error.Value) ? string.Empty : $" ({Mask(error.Value)})";
            _console.MarkupLine(Markup.Escape($"  row {error.Row}: {error.Reason}{value}"));
        }
    }

    /// <summary>Follows every batch to its end, showing live bars or plain lines.</summary>
    public async Task<IReadOnlyList<BatchCall>> FollowAsync(IReadOnlyList<BatchCall> batches, Func<BatchCall, IProgress<BatchCall>, Task<BatchCall>> wait)
    {
        if (!_live)
        {
            var lines = new Reporter(b => Line(b));
            foreach (var batch in batches) Line(batch);
            return await Task.WhenAll(batches.Select(b => wait(b, lines)));
        }

        BatchCall[] done = [];
        await _console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = batches.ToDictionary(b => b.Provider, b => context.AddTask(Describe(b), maxValue: Math.Max(1, b.Progress.Total ?? 1)));
                var reporter = new Reporter(b =>
                {
                    var bar = bars[b.Provider];
                    bar.MaxValue = Math.Max(1, b.Progress.Total ?? 1);
                    bar.Value = b.Progress.Finished;
                    bar.Description = Describe(b);
                    if (b.IsTerminal) bar.StopTask();
                });
                done = await Task.WhenAll(batches.Select(b => wait(b, reporter)));
            });
        return done;
    }

    public void Results(IReadOnlyList<BatchCall> batches, IReadOnlyDictionary<ProviderId, TimeSpan> took)
    {
        var table = new Table().Title("The campaign on every vendor, in one model");
        foreach (var column in new[] { "vendor", "batch id", "status", "vendor word", "total", "completed", "failed", "cancelled", "took" }) table.AddColumn(new TableColumn(column).NoWrap());
        foreach (var b in batches)
        {
            var p = b.Progress;
            table.AddRow(Cells(b.Provider.Value, b.Id, b.Status.ToString(), b.RawStatus ?? string.Empty, Count(p.Total), Count(p.Completed), Count(p.Failed), Count(p.Cancelled),
                took.TryGetValue(b.Provider, out var t) ? $"{t.TotalSeconds:0.0}s" : string.Empty));
        }

        _console.Write(table);
    }

    /// <param name="calls">Every call of every batch.</param>
    /// <param name="contacts">The sheet, for the names of calls whose vendor reports only the number (DialNexa's call logs).</param>
    public void Calls(IReadOnlyList<(ProviderId Provider, CallRecord Call)> calls, ContactList contacts)
    {
        var names = contacts.Contacts.Where(c => c.Variables.ContainsKey("customer_name")).ToDictionary(c => c.PhoneNumber, c => c.Variables["customer_name"], StringComparer.Ordinal);
        string NameOf(CallRecord call) => VendorName(call) ?? (call.PhoneNumber is { } n && names.TryGetValue(n, out var fromSheet) ? fromSheet + " (sheet)" : "-");
        var table = new Table().Title($"Every call ({calls.Count})");
        foreach (var column in new[] { "vendor", "number", "name", "status", "vendor word", "duration" }) table.AddColumn(column == "name" ? new TableColumn(column) : new TableColumn(column).NoWrap());
        foreach (var (provider, c) in calls.OrderBy(x => x.Provider.Value, StringComparer.Ordinal).ThenBy(x => NameOf(x.Call), StringComparer.Ordinal))
        {
            // "-" only where the vendor gave no value (VoiceAI's recipients carry no duration).
            table.AddRow(Cells(provider.Value, Mask(c.PhoneNumber), NameOf(c), c.Status.ToString(), c.RawStatus ?? "-",
                c.Duration is { } d ? $"{d.TotalSeconds:0.#}s" : "-"));
        }

        _console.Write(table);
    }

    private static string? VendorName(CallRecord call)
        => call.Name ?? (call.Variables.TryGetValue("customer_name", out var n) ? n : call.Variables.TryGetValue("name", out var m) ? m : null);

    private static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static Markup[] Cells(params string[] texts) => texts.Select(t => new Markup(Markup.Escape(t))).ToArray();

    private static string Describe(BatchCall b)
    {
        var live = Math.Min(b.Progress.InProgress, b.Progress.Total ?? b.Progress.InProgress);
        return Markup.Escape($"{b.Provider.Value,-12} {b.Status,-9} {b.Progress.Finished,3}/{Count(b.Progress.Total)} done, {live} live");
    }

    private void Line(BatchCall b)
    {
        lock (_gate) _console.WriteLine("  " + Markup.Remove(Describe(b)));
    }

    /// <summary>Reports each change at once, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Reporter(Action<BatchCall> report) : IProgress<BatchCall>
    {
        private readonly Lock _gate = new();

        public void Report(BatchCall value)
        {
            lock (_gate) report(value);
        }
    }
}
