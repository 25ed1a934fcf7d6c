namespace VoiceBatch.Contacts;

/// <summary>
/// One of libphonenumber's metadata patterns (national-number, leading-digits and national-prefix patterns), compiled
/// into a lazily built deterministic automaton over the digits 0–9, so that matching a number costs one table step a
/// digit instead of a regular-expression run.
/// </summary>
/// <remarks>
/// <para>The patterns use a small regular subset — digits, <c>\d</c>, <c>.</c>, character classes, groups,
/// alternation and the quantifiers <c>? * + {n} {n,} {n,m}</c> — for which a full match (<c>^(?:p)$</c>) or a
/// match at the start (<c>^(?:p)</c>) depends only on the language the pattern denotes, so the automaton answers
/// exactly as the library's <see cref="System.Text.RegularExpressions.Regex"/> does for a string of ASCII digits.
/// Anything outside that subset (anchors, look-arounds, back-references, escapes other than <c>\d</c>) makes
/// <see cref="TryCompile"/> return null, and the caller asks libphonenumber instead.</para>
/// <para>States are built on first use and published with volatile writes, so one instance is shared by every
/// thread; the number of states is capped (<see cref="MaxStates"/>), past which matching returns null too.</para>
/// </remarks>
internal sealed class DigitPattern
{
    internal const int MaxStates = 50_000;

    private readonly Nfa _nfa;
    private readonly State _start;
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private DigitPattern(Nfa nfa)
    {
        _nfa = nfa;
        _start = Intern(nfa.Closure([nfa.Start]));
    }

    /// <summary>The automaton for <paramref name="pattern"/>, or null when it uses anything outside the supported subset.</summary>
    public static DigitPattern? TryCompile(string pattern)
    {
        var parser = new Parser(pattern);
        var nfa = new Nfa();
        if (!parser.TryParse(nfa, out var fragment)) return null;
        nfa.Start = fragment.Start;
        nfa.Accept = fragment.End;
        return new DigitPattern(nfa);
    }

    /// <summary>Whether all of <paramref name="digits"/> matches; null when the automaton grew past its cap.</summary>
    public bool? IsMatchAll(ReadOnlySpan<char> digits)
    {
        var state = _start;
        foreach (var c in digits)
        {
            if (state.IsDead) return false;
            state = Step(state, c - '0');
            if (state is null) return null;
        }

        return state.IsAccepting;
    }

    /// <summary>Whether some start of <paramref name="digits"/> (the empty one included) matches; null past the cap.</summary>
    public bool? IsMatchBeginning(ReadOnlySpan<char> digits)
    {
        var state = _start;
        foreach (var c in digits)
        {
            if (state.IsAccepting) return true;
            if (state.IsDead) return false;
            state = Step(state, c - '0');
            if (state is null) return null;
        }

        return state.IsAccepting;
    }

    private State? Step(State state, int digit)
    {
        var next = Volatile.Read(ref state.Next[digit]);
        if (next is not null) return next;
        lock (_gate)
        {
            next = state.Next[digit];
            if (next is not null) return next;
            if (_states.Count >= MaxStates) return null;
            var targets = new List<int>();
            foreach (var s in state.NfaStates)
            {
                if ((_nfa.Masks[s] & (1 << digit)) != 0) targets.Add(_nfa.Targets[s]);
            }

            next = Intern(_nfa.Closure(targets));
            Volatile.Write(ref state.Next[digit], next);
            return next;
        }
    }

    private State Intern(int[] nfaStates)
    {
        var key = string.Join(',', nfaStates);
        if (!_states.TryGetValue(key, out var state))
        {
            state = new State(nfaStates, Array.IndexOf(nfaStates, _nfa.Accept) >= 0);
            _states.Add(key, state);
        }

        return state;
    }

    private sealed class State(int[] nfaStates, bool accepting)
    {
        public readonly int[] NfaStates = nfaStates;
        public readonly bool IsAccepting = accepting;
        public readonly bool IsDead = nfaStates.Length == 0;
        public readonly State?[] Next = new State?[10];
    }

    /// <summary>A Thompson automaton: each state has epsilon edges, or one edge on a set of digits.</summary>
    private sealed class Nfa
    {
        public readonly List<int> Masks = [];       // digits on the state's edge (bit d = digit d); 0 for none
        public readonly List<int> Targets = [];     // where that edge goes
        public readonly List<List<int>?> Epsilons = [];
        public int Start;
        public int Accept;

        public int Add()
        {
            Masks.Add(0);
            Targets.Add(-1);
            Epsilons.Add(null);
            return Masks.Count - 1;
        }

        public void Epsilon(int from, int to) => (Epsilons[from] ??= []).Add(to);

        public void Edge(int from, int mask, int to)
        {
            Masks[from] = mask;
            Targets[from] = to;
        }

        /// <summary>The states reachable from <paramref name="states"/> by epsilon edges, sorted, that either have a digit edge or accept.</summary>
        public int[] Closure(IEnumerable<int> states)
        {
            var seen = new HashSet<int>();
            var stack = new Stack<int>(states);
            var result = new List<int>();
            while (stack.Count > 0)
            {
                var s = stack.Pop();
                if (!seen.Add(s)) continue;
                if (Masks[s] != 0 || s == Accept) result.Add(s);
                if (Epsilons[s] is { } next)
                {
                    foreach (var n in next) stack.Push(n);
                }
            }

            result.Sort();
            return [.. result];
        }
    }

    private readonly record struct Fragment(int Start, int End);

    /// <summary>A recursive-descent parser of the supported subset, building NFA fragments as it goes.</summary>
    private sealed class Parser(string pattern)
    {
        private const int AllDigits = 0x3FF;
        private const int MaxExpansion = 100_000;
        private int _position;
        private Nfa _nfa = null!;

        public bool TryParse(Nfa nfa, out Fragment fragment)
        {
            _nfa = nfa;
            fragment = default;
            try
            {
                var ast = Alternation();
                if (_position != pattern.Length || ast.Size() > MaxExpansion) return false;
                fragment = Build(ast);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private Node Alternation()
        {
            var options = new List<Node> { Sequence() };
            while (Peek('|'))
            {
                _position++;
                options.Add(Sequence());
            }

            return options.Count == 1 ? options[0] : new Node.Alt(options);
        }

        private Node Sequence()
        {
            var items = new List<Node>();
            while (_position < pattern.Length && pattern[_position] is not '|' and not ')') items.Add(Quantified());
            return items.Count == 1 ? items[0] : new Node.Seq(items);
        }

        private Node Quantified()
        {
            var atom = Atom();
            while (_position < pattern.Length)
            {
                int min, max;
                switch (pattern[_position])
                {
                    case '?': (min, max) = (0, 1); _position++; break;
                    case '*': (min, max) = (0, -1); _position++; break;
                    case '+': (min, max) = (1, -1); _position++; break;
                    case '{': (min, max) = Braces(); break;
                    default: return atom;
                }

                if (Peek('?')) _position++; // lazy: the same language
                atom = new Node.Repeat(atom, min, max);
            }

            return atom;
        }

        private (int Min, int Max) Braces()
        {
            var close = pattern.IndexOf('}', _position);
            if (close < 0) throw new FormatException();
            var body = pattern.AsSpan(_position + 1, close - _position - 1);
            _position = close + 1;
            var comma = body.IndexOf(',');
            if (comma < 0) return (Number(body), Number(body));
            var min = Number(body[..comma]);
            var rest = body[(comma + 1)..];
            var max = rest.IsEmpty ? -1 : Number(rest);
            if (max >= 0 && max < min) throw new FormatException();
            return (min, max);
        }

        private static int Number(ReadOnlySpan<char> text)
            => !text.IsEmpty && text.Length <= 4 && !text.ContainsAnyExceptInRange('0', '9') ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : throw new FormatException();

        private Node Atom()
        {
            if (_position >= pattern.Length) throw new FormatException();
            var c = pattern[_position++];
            switch (c)
            {
                case '(':
                    if (Peek('?'))
                    {
                        if (_position + 1 >= pattern.Length || pattern[_position + 1] != ':') throw new FormatException(); // look-arounds, named groups, options
                        _position += 2;
                    }

                    var inner = Alternation();
                    if (!Peek(')')) throw new FormatException();
                    _position++;
                    return inner;
                case '[':
                    return new Node.Set(Class());
                case '\\':
                    if (Peek('d'))
                    {
                        _position++;
                        return new Node.Set(AllDigits);
                    }

                    throw new FormatException();
                case '.':
                    return new Node.Set(AllDigits);
                case >= '0' and <= '9':
                    return new Node.Set(1 << (c - '0'));
                case '^' or '$' or ')' or '|' or '?' or '*' or '+' or '{' or '}' or ']':
                    throw new FormatException();
                default:
                    return new Node.Set(0); // a literal that is not a digit never matches a digit
            }
        }

        private int Class()
        {
            var negated = Peek('^');
            if (negated) _position++;
            var mask = 0;
            var first = true;
            while (true)
            {
                if (_position >= pattern.Length) throw new FormatException();
                var c = pattern[_position++];
                if (c == ']' && !first) break;
                first = false;
                if (c == '\\')
                {
                    if (!Peek('d')) throw new FormatException();
                    _position++;
                    mask |= AllDigits;
                    continue;
                }

                if (c == '[') throw new FormatException(); // subtraction and nested classes
                if (_position + 1 < pattern.Length && pattern[_position] == '-' && pattern[_position + 1] != ']')
                {
                    var to = pattern[_position + 1];
                    _position += 2;
                    if (to == '\\' || to < c) throw new FormatException();
                    for (var d = '0'; d <= '9'; d++)
                    {
                        if (d >= c && d <= to) mask |= 1 << (d - '0');
                    }

                    continue;
                }

                if (c is >= '0' and <= '9') mask |= 1 << (c - '0');
            }

            return negated ? ~mask & AllDigits : mask;
        }

        private bool Peek(char c) => _position < pattern.Length && pattern[_position] == c;

        private Fragment Build(Node node)
        {
            switch (node)
            {
                case Node.Set set:
                {
                    var start = _nfa.Add();
                    var end = _nfa.Add();
                    if (set.Mask != 0) _nfa.Edge(start, set.Mask, end);
                    return new Fragment(start, end);
                }

                case Node.Seq seq:
                {
                    if (seq.Items.Count == 0)
                    {
                        var only = _nfa.Add();
                        return new Fragment(only, only);
                    }

                    var first = Build(seq.Items[0]);
                    var end = first.End;
                    for (var i = 1; i < seq.Items.Count; i++)
                    {
                        var next = Build(seq.Items[i]);
                        _nfa.Epsilon(end, next.Start);
                        end = next.End;
                    }

                    return new Fragment(first.Start, end);
                }

                case Node.Alt alt:
                {
                    var start = _nfa.Add();
                    var end = _nfa.Add();
                    foreach (var option in alt.Options)
                    {
                        var f = Build(option);
                        _nfa.Epsilon(start, f.Start);
                        _nfa.Epsilon(f.End, end);
                    }

                    return new Fragment(start, end);
                }

                case Node.Repeat repeat:
                {
                    var start = _nfa.Add();
                    var end = start;
                    for (var i = 0; i < repeat.Min; i++)
                    {
                        var f = Build(repeat.Item);
                        _nfa.Epsilon(end, f.Start);
                        end = f.End;
                    }

                    if (repeat.Max < 0)
                    {
                        var loop = Build(repeat.Item);
                        var after = _nfa.Add();
                        _nfa.Epsilon(end, loop.Start);
                        _nfa.Epsilon(end, after);
                        _nfa.Epsilon(loop.End, loop.Start);
                        _nfa.Epsilon(loop.End, after);
                        return new Fragment(start, after);
                    }

                    var exit = _nfa.Add();
                    for (var i = repeat.Min; i < repeat.Max; i++)
                    {
                        _nfa.Epsilon(end, exit);
                        var f = Build(repeat.Item);
                        _nfa.Epsilon(end, f.Start);
                        end = f.End;
                    }

                    _nfa.Epsilon(end, exit);
                    return new Fragment(start, exit);
                }

                default:
                    throw new FormatException();
            }
        }
    }

    private abstract record Node
    {
        public abstract long Size();

        public sealed record Set(int Mask) : Node
        {
            public override long Size() => 1;
        }

        public sealed record Seq(List<Node> Items) : Node
        {
            public override long Size() => Items.Sum(i => i.Size()) + 1;
        }

        public sealed record Alt(List<Node> Options) : Node
        {
            public override long Size() => Options.Sum(i => i.Size()) + 1;
        }

        public sealed record Repeat(Node Item, int Min, int Max) : Node
        {
            public override long Size() => Item.Size() * (Math.Max(Min, Max) + 1) + 1;
        }
    }
}
