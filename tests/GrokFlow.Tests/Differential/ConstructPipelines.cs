namespace GrokFlow.Tests.Differential;

/// <summary>
/// Pipelines that together use every grok construct the generator emits code for, each with lines it matches. Random
/// lines are these lines, mutated.
/// </summary>
public static class ConstructPipelines
{
    /// <summary>One pipeline: its match rules, helpers, and lines (most of which match).</summary>
    public sealed record Construct(string Id, (string Name, string Pattern)[] Rules, (string Name, string Pattern)[] Helpers, string[] Lines);

    public static readonly Construct[] All =
    [
        new("login",
            [
                ("login", @"%{word:user} logged in from %{ip:client.ip}( port %{integer:client.port})? after %{number:duration:scale(1000)}s(, reason: %{data:reason})?"),
                ("logout", @"%{word:user} logged out( \(%{word:cause}\))?"),
            ],
            [],
            [
                "alice logged in from 10.0.0.1 port 5522 after 1.25s, reason: password ok",
                "bob_2 logged in from ::1 after 3s",
                "carol logged in from fe80::1%eth0 port 22 after 0.5s, reason: key",
                "dave logged in from 2001:db8:0:0:1:0:0:1 after .5s",
                "dave logged out (timeout)",
                "eve logged out",
            ]),
        new("access",
            [
                ("access", "%{ipOrHost:network.client.ip} %{notSpace:http.ident:nullIf(\"-\")} %{notSpace:http.auth:nullIf(\"-\")} " +
                           "\\[%{date(\"dd/MMM/yyyy:HH:mm:ss Z\"):date_access}\\] \"(?>%{word:http.method} |)%{notSpace:http.url}(?> HTTP\\/%{regex(\"\\\\d+\\\\.\\\\d+\"):http.version}|)\" " +
                           "%{integer:http.status_code} (?>%{integer:network.bytes_written}|-)( \"%{data:http.referer}\" \"%{data:http.useragent}\")?"),
            ],
            [],
            [
                "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"",
                "web-01.example.com - - [01/Jan/2024:00:00:01 +0000] \"POST /api/v1/items?id=3 HTTP/1.1\" 503 -",
                "2001:db8::7 - - [29/Feb/2024:23:59:59 +0530] \"/health\" 204 0",
            ]),
        new("lazy",
            [
                ("colons", "%{data:first}:%{data:second}:%{data:third}"),
                ("dashes", "%{data:head} -- %{greedyData:tail}"),
                ("ending", "%{notSpace:key}=%{data:value}"),
            ],
            [],
            ["a:b:c", "key:value:with:more:colons", ":::", "x -- y -- z", " x -- y ", "k=v w", "k==", "k= v"]),
        new("jumps",
            [
                ("optionalTail", @"%{word:level}: %{data:msg}(, %{data::keyvalue("": "","","")})?"),
                ("choiceAfter", @"%{data:props:keyvalue}(\(queue|Queued) %{data:state}(\))?"),
                ("lazyOptional", @"%{data:a}(?:;%{integer:n})??%{regex(""[a-z]*""):tail}#"),
                ("caseAfter", @"(?i)%{data:a}mon%{integer:n}"),
            ],
            [],
            [
                "error: not found (2: No such file), client: 1.2.3.4, server: localhost",
                "info: closed keepalive connection",
                "warn: a, b",
                "from=user@example.com, size=1234, nrcpt=1 (queue active)",
                "status=sent (250 ok Queued mail for delivery)",
                "x=1 Queued as 5",
                "abc;12xyz#",
                "abc;xyz#",
                "dayMON12",
                "amonbMon2",
            ]),
        new("endings",
            [
                // Rules tried only on lines ending in a byte a match can end with; greedy runs giving back straight to
                // where what follows can start.
                ("common", @"%{notSpace:url}(?> %{regex(""\\d+""):v}|)"" %{integer:code}"),
                ("combined", @"%{notSpace:url}(?> %{regex(""\\d+""):v}|)"" %{integer:code} ""%{data:ua}""(?i)( done)?"),
                ("caseEnd", @"%{word:a} (?i)DONE"),
                ("wideEnd", @"%{word:a} [\u00e9-\u00fc]+"),
                ("optionalEnd", @"%{word:a}:( %{integer:n})?"),
            ],
            [],
            [
                "/a/b 12\" 200",
                "/a\"b 1\" 2",
                "/a\"b\" 2",
                "/a/b\" 200 \"ua x\"",
                "/a/b 1\" 200 \"ua\" DoNe",
                "/a\"b\" 1 \"u\"a\" done",
                "x done",
                "x DonE",
                "x \u00e9\u00fc",
                "x \u00fc\u00e9",
                "x:",
                "x: 12",
            ]),
        new("repeats",
            [
                ("words", @"\s*%{word:w}\s+%{word:w}(\s+%{word:w})?\s*"),
                ("tags", @"%{notSpace:tag.name}=%{notSpace:tag.value}(,%{notSpace:tag.name}=%{notSpace:tag.value})*"),
                ("bounded", @"[a-z]{2,4}?%{regex(""[a-z]*""):rest}:x{3}%{integer:n}"),
            ],
            [],
            ["  one two three  ", "one\ttwo", "k=v", "a=1,b=2,c=3", "a=,b=", "abcdef:xxx12", "ab:xxx-3"]),
        new("addresses",
            [
                ("addr", @"(%{ipv4:addr.v4}|%{ipv6:addr.v6}|%{hostname:addr.host}) -> %{ipOrHost:peer}(:%{port:peer_port})?"),
                ("hardware", @"%{mac:mac} %{uuid:id}"),
                ("link", @"%{uri:url} %{path:file}"),
            ],
            [],
            [
                "10.1.2.3 -> example.com:443",
                "::ffff:10.0.0.1 -> 2001:db8::1",
                "my-host.local -> 192.168.0.1:8080",
                "256.1.1.1 -> a_b.c",
                "fe80::a:b%en0 -> h",
                "00:1A:2b:3C:4d:5E 123e4567-e89b-12d3-a456-426614174000",
                "0a1b.2c3d.4e5f 00000000-0000-0000-0000-000000000000",
                "https://user:pw@example.com:8443/a/b.c?x=1&y=%20 /var/log/messages",
                "ftp://10.0.0.1/pub C:\\Windows\\system32",
            ]),
        new("loops",
            [
                ("spaced", @"%{word:a}\s+%{ip:b}\s+%{ipOrHost:c}\s*%{word:d}"),
                ("givesBack", @"[0-9]+%{integer:n}:[a-z]*%{word:w}"),
                ("optional", @"%{word:a}(\s+%{integer:b})?\s*%{notSpace:c}"),
            ],
            [],
            ["alpha 10.0.0.1  host-1.example.com beta", "x ::1 1.2.3.4\ty", "12345:abc", "77:z", "name 42 rest", "name rest", "name 42"]),
        new("quantifiers",
            [
                ("atomic", @"(?>%{notSpace:a} )+%{word:last}"),
                ("possessive", @"id=[a-z]++%{integer:id} [0-9]{2,4}?%{integer:rest}"),
                ("lazy", @"x+?%{regex(""x*""):xs}y(?:z|zz)??%{regex(""z*""):zs}"),
                ("alternatives", @"(?:ab|a)+%{regex(""(?:ba|b)*""):bs}!"),
            ],
            [],
            ["a b c d", "x y", "id=abc123 12345", "id=x1 99", "xxxxy", "xyzzz", "abab!", "aab!", "abba!"]),
        new("regexes",
            [
                ("look", @"%{regex(""(?=[A-Z])[A-Za-z]+""):name} %{regex(""(?i)level=(debug|info|warn(ing)?)""):lvl} \{%{regex(""[^}]*""):inner}\}"),
                ("negative", @"%{regex(""(?!not)[a-z]+""):word} %{regex(""[0-9]+(?![0-9]*%)""):count}.*"),
                ("lines", @"(?-s)%{data:first_line}\n(?s)%{data:rest}"),
                ("nocase", @"(?i)error:? %{greedyData:msg}"),
            ],
            [],
            [
                "Alice level=INFO {a b c}",
                "Bob LEVEL=warning {}",
                "yes 12 x",
                "ok 7",
                "first line\nsecond\nthird",
                "ERROR: disk full",
                "Error something",
            ]),
        new("named",
            [
                ("named", @"(?<user.name>[a-z]+)@(?<domain>[a-z.]+) %{word:nested.deep.path.value} %{word:nested.deep.other}"),
                ("same", @"%{integer:a.f} %{notSpace:a.f:uppercase} %{data:a.f}"),
            ],
            [],
            ["jo@example.org v1 v2", "a@b x y", "1 info message", "2 warn x y"]),
        new("filters",
            [
                ("filters", "%{word:low:lowercase} %{word:up:uppercase} %{notSpace:maybe:nullIf(\"-\")} %{notSpace:i:integer} " +
                            "%{notSpace:n:number} %{notSpace:b:boolean} %{number:ms:scale(0.001)} %{notSpace:ie:integerExt} %{notSpace:ne:numberExt}"),
            ],
            [],
            [
                "HeLLo wOrld - 42 3.5 true 1500 1e3 2.5E-2",
                "a b x -7 -0.25 FALSE 0 -1e+2 .5",
                "abc DEF null 99999999999999999999 1e3 yes 2.5 12.5e1 nan",
            ]),
        new("dates",
            [
                ("iso", @"%{date(""yyyy-MM-dd'T'HH:mm:ss.SSSZ""):t} %{word:level}"),
                ("syslog", @"%{date(""MMM dd HH:mm:ss""):t} %{word:level}"),
                ("paris", @"%{date(""dd/MM/yyyy HH:mm"",""Europe/Paris""):t} %{word:level}"),
                ("long", @"%{date(""EEE MMM d HH:mm:ss yyyy""):t} %{word:level}"),
                ("time", @"%{date(""HH:mm:ss""):t} %{word:level}"),
            ],
            [],
            [
                "2024-03-10T12:34:56.789+0100 info",
                "2024-03-10T12:34:56.789Z warn",
                "Oct 30 20:24:24 error",
                "31/03/2024 02:30 debug",
                "Tue Nov 1 08:00:00 2022 info",
                "23:59:59 trace",
            ]),
        new("numbers",
            [
                ("numbers", "%{integer:i} %{number:n} %{numberExt:ne} %{integerExt:ie} %{numberStr:ns} %{integerStr:is}"),
            ],
            [],
            ["1 2.5 3e2 4e1 5.0 6", "-1 -.5 +1.5E-3 -1e+2 007 +8", "0 0. 0.0 0 -0 -0"]),
        new("references",
            [
                ("base", "%{_ts} %{_who}"),
                ("extended", "%{base} did %{data:what}"),
                ("alt", "(%{integer:user.id}|%{word:user.firstname}) connected( on %{word:day})?"),
            ],
            [
                ("_ts", @"\[%{integer:ts}\]"),
                ("_who", @"%{word:who.name}(@%{hostname:who.host})?"),
            ],
            ["[12] root@db1", "[12] root did nothing much", "[3] x@y.z did it", "12345 connected on monday", "john connected"]),
        new("structured",
            [
                ("json", "%{word:kind} %{data::json}"),
                ("keyvalue", "kv %{data::keyvalue}"),
                ("list", "list %{data:items:array(\"[]\", \",\")} end"),
            ],
            [],
            [
                "event {\"a\":1,\"b\":{\"c\":\"d\"},\"e.f\":[1,2]}",
                "kv user=alice id=42 db.name=x",
                "list [1,2,3] end",
            ]),
        // Rules starting with the same helper match it once per line and go on from each of its matches in turn: a
        // later rule often needs a match of the prefix other than the first (another end, or other captures), and the
        // last line has more matches of the prefix than are listed.
        new("prefixes",
            [
                ("withNumber", "%{_head} %{integer:n}"),
                ("withWord", "%{_head} x:%{word:w}"),
                ("withRest", "%{_head}%{data:rest}"),
            ],
            [("_head", "(?:%{word:a}|%{notSpace:b})(?:=%{integer:v})?")],
            ["ab 5", "ab=1 x:q", "a-b=1 x:2", "ab=1 x:2", "x-y=12 x:9", "a-b x-", "k", "ab=", "a=1 7", "a-b-c-d-e-f-g-h-i x:1"]),
        new("syslogPrefix",
            [
                ("queue", @"%{_prefix}\s+%{notSpace:id}: %{data:props}(\(queue|Queued) %{data:state}(\))?"),
                ("connect", @"%{_prefix}\s+connect from %{notSpace:host}\[%{notSpace:ip}\]"),
                ("fallback", @"%{_prefix}\s+%{notSpace:id}: %{data:msg}"),
            ],
            [("_prefix", @"(?:%{date(""MMM dd HH:mm:ss""):date}|%{date(""MMM  d HH:mm:ss""):date}|%{date(""MMM d HH:mm:ss""):date}) %{notSpace:user} %{notSpace:process}\[%{integer:pid}\]:")],
            [
                "Jul 12 12:24:48 host postfix/qmgr[12345]: 1234567890A: from=<a@b.c>, size=1 (queue active)",
                "Jul  2 12:24:48 host postfix/qmgr[12345]: 1234567890A: removed",
                "Jul 2 12:24:48 host postfix/smtpd[7]:  connect from mail.example.com[10.0.0.1]",
                "Jul 12 12:24:48 host a[b[3]: 1]: connect from x[y]",
                "Sep 30 01:02:03 h p[1]: id: status=sent (250 ok Queued mail)",
            ]),
        // More shapes of a shared prefix: loops (lazy, greedy, repeated captures) whose counters live in working cells,
        // an atomic group and a lookahead, a rule that is the prefix alone, a first rule skipped by its pre-checks on
        // lines with more matches than are listed, a lazy prefix, nested helpers, a possessive run, two runs in one parser.
        new("prefixLazyLoop",
            [("r1", "%{_l}%{word:x}!"), ("r2", "%{_l}(?:%{word:y};)+%{data:z}"), ("r3", "%{_l}%{data:rest}")],
            [("_l", "(?:%{word:a},)+?")],
            ["a,b,c!", "a,b,c;d;e", "a,b,", "a,", "a,b;c,d;", "a,b,c,d,e,f,g,h,i,j,k;l;m", "a,b,c,d,e,f,g,h,i,j,k!x"]),
        new("prefixGreedyLoop",
            [("r1", "%{_l}%{word:x}!"), ("r2", "%{_l}(?:%{word:y};)+%{data:z}"), ("r3", "%{_l}%{data:rest}")],
            [("_l", "(?:%{word:a},)+")],
            ["a,b,c!", "a,b,c;d;e", "a,b,", "a,", "a,b;c,d;", "a,b,c,d,e,f,g,h,i,j,k;l;m", "a,b,c,d,e,f,g,h,i,j,k!x"]),
        new("prefixAtomic",
            [("r1", "%{_at}:%{integer:n}"), ("r2", "%{_at}=%{data:v}"), ("r3", "%{_at}%{data:rest}")],
            [("_at", "(?>%{notSpace:a} )?%{word:b}(?=[:=])")],
            ["x y:5", "x y=5", "x y:z", "y=1", "x:y", "a b:1"]),
        new("prefixAlone",
            [("r1", "%{_q} %{integer:n}"), ("r2", "%{_q}"), ("r3", "%{_q} %{data:z}"), ("r4", "%{_q}:%{word:k}")],
            [("_q", "%{notSpace:a}(?:-%{word:b})?")],
            ["a-b 5", "a-b", "a-b c", "a b", "a-b-c", "-x 1", "a-b-c-d-e-f-g-h-i-j q", "a-b:k"]),
        new("prefixSkipped",
            [("r1", "%{_q} needle %{word:x}!"), ("r2", "%{_q} %{integer:n}"), ("r3", "%{_q}%{data:rest}")],
            [("_q", "%{notSpace:a}(?:-%{word:b})?")],
            ["a-b needle x!", "a-b needle x", "a-b 5", "a-b-c-d-e-f-g-h-i-j 7", "a-b-c-d-e-f-g-h-i-j needle q", "a-b-c needle q!"]),
        new("prefixLazyData",
            [("r1", "%{_lz} %{integer:n}"), ("r2", "%{_lz}%{notSpace:w}"), ("r3", "%{_lz}%{data:rest}")],
            [("_lz", "%{data:a}:")],
            ["a:b:c: 5", "x:y:z", "a:b: c:d", "a:b:c:d:e:f:g:h:i:j:k: x", "a:b:c:d:e:f:g:h:i:j:k: 1"]),
        new("prefixTwoRuns",
            [("r1", "%{word:a} %{integer:n}"), ("r2", "%{word:a} %{word:b}"), ("r3", "%{integer:n}-%{word:x}!"), ("r4", "%{integer:n}-%{data:y}")],
            [],
            ["ab 5", "ab cd", "5-x!", "5-x", "5-", "12-ab-cd!"]),
        new("prefixRepeated",
            [("r1", "%{_rep}end"), ("r2", "%{_rep}%{integer:n}"), ("r3", "%{_rep}%{data:r}")],
            [("_rep", "(?:%{word:w} )+")],
            ["a b end", "a b 5", "a b c", "a b c d e f g h i j k l 5", "a  b"]),
        new("prefixNested",
            [("r1", "%{_outer}!"), ("r2", "%{_outer}%{data:r}")],
            [("_outer", "%{_inner}-%{word:c}"), ("_inner", "(?:%{word:a}|%{notSpace:b})")],
            ["a-b!", "a-b-c", "a.b-c!", "x-y-z-w"]),
        new("prefixPossessive",
            [("r1", "%{_p}b"), ("r2", "%{_p}c%{data:z}")],
            [("_p", "%{regex(\"a*+\"):a}(?:x|%{regex(\"a\"):q})?")],
            ["aaab", "aaac1", "aac", "b", "aaxb", "aaxc"]),
        new("literalOffsets",
            [
                // Each rule's required literal is searched past the bytes what precedes it surely spans: these lines
                // have it exactly there, and their mutations just before it.
                ("tight", "%{integer:n}:%{word:w} -> %{data:rest}"),
                ("choice", "(?:ab|c)x{2,3}%{notSpace:id} => done"),
                ("ahead", "(?=[0-9]+ items)%{integer:count} items in %{word:box}"),
                ("caseless", "(?i)%{word:k}=v%{integer:n} closed by peer"),
            ],
            [],
            ["1:a -> x", "-5:b -> y", "1:a -> b -> c", "cxx1 => done", "abxxxid => done", "cxxxid => done", "3 items in box",
             "10 items in a", "k=V1 closed by peer", "key=v12 CLOSED BY PEER"]),
        // Literals joined by \s+ runs taken whole are compared at once in their one-space form, then piece by piece:
        // runs of one and two spaces and tabs, literals with spaces of their own, a rule failing only in a later piece.
        new("spacedLiterals",
            [
                ("users", @"conn\s+log\:\s+Users\:\s+%{word:user},\s+Source\s+IP\:\s+%{ip:ip}(,\s+Computer\s+name\:\s+%{data:name})?"),
                ("groups", @"conn\s+log\:\s+Groups\:\s+%{word:group}"),
                ("leadingRun", @"%{word:a}\s+to\s+be\s+%{data:b}"),
                ("ownSpaces", @"%{word:a} said\s+hello world\s+%{word:b}"),
                ("ending", @"%{integer:n}\s+stop\s+here"),
            ],
            [],
            [
                "conn log: Users: bob, Source IP: 10.0.0.1",
                "conn  log:\tUsers:\t\tbob,\tSource IP: ::1, Computer name: pc 1",
                "conn log: Users: bob, Source  IP: 10.0.0.1, Computer name:  x",
                "conn log: Groups: admins",
                "conn\tlog: Groups:  admins",
                "x to be or not",
                "x\t to  be  spaced",
                "a said hello world b",
                "a said  hello world\tb",
                "1 stop here",
                "2 stop\t\there",
            ]),
        new("quoted",
            [
                ("quoted", "%{quotedString:q} %{doubleQuotedString:dq} %{boolean(\"yes\",\"no\"):flag} %{boolean:plain}"),
            ],
            [],
            ["'single' \"double\" yes true", "\"a b\" \"\" NO False", "'' \"x\" yes TRUE"]),
    ];

    /// <summary>All the pipelines as one .rules text.</summary>
    public static string RulesText()
    {
        var builder = new RulesFileBuilder();
        foreach (var construct in All) builder.Pipeline(construct.Id, construct.Rules, construct.Helpers);
        return builder.ToString();
    }
}
