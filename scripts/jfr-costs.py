#!/usr/bin/env python3
"""Where a JFR recording's request threads spent their time, by kind of work.

Usage: jfr print --stack-depth 256 --events jdk.ExecutionSample app.jfr > samples.txt
       scripts/jfr-costs.py samples.txt

Each execution sample counts for the innermost frame of its stack that one of the kinds below
matches, tried in their order (so that JSON read by the HTTP client counts as JSON, and an
expression in a template as the expression); a sample none matches counts as "other".
docs/performance.md shows what it printed for the load benchmark, before and after issue 15.
"""
import collections
import re
import sys

KINDS = [
    ("logging", r"ch\.qos\.logback|org\.slf4j|commons\.logging|core\.log\.LogMessage"),
    ("JSON (Jackson)", r"tools\.jackson|com\.fasterxml\.jackson"),
    ("links to static files (ResourceUrlEncodingFilter)", r"ResourceUrlEncoding|ResourceUrlProvider"),
    ("security expressions (sec:authorize, @PreAuthorize)",
     r"thymeleaf\.extras\.springsecurity|AuthorizationManagerBeforeMethod|SecurityExpressionRoot"),
    ("template expressions (SpEL)", r"org\.springframework\.expression\.spel"),
    ("messages", r"MessageSource|SpringMessageResolver"),
    ("time formatting", r"java\.time\.format|turnstileadmin\.time\."),
    ("templates (Thymeleaf)", r"org\.thymeleaf"),
    ("session store: reads", r"JdbcIndexedSessionRepository\.(findById|getSession)|ObjectInputStream"),
    ("session store: writes", r"JdbcIndexedSessionRepository(\$JdbcSession)?\.save"),
    ("session store: registry of a user's sessions", r"SpringSessionBackedSessionRegistry"),
    ("audit store", r"turnstileadmin\.audit"),
    ("JDBC, other", r"org\.postgresql|com\.zaxxer|org\.h2"),
    ("HTTP client to Cloudflare (WebClient, Reactor Netty)", r"reactor\.netty|io\.netty|reactor\.core|WebClient"),
    ("the app's own code", r"com\.turnstileadmin"),
    ("Spring Security's filters", r"org\.springframework\.security"),
    ("Spring MVC (dispatch, binding, interceptors)", r"org\.springframework\.web"),
    ("Tomcat", r"org\.apache\.(catalina|coyote|tomcat)"),
]


def main(path):
    text = open(path, encoding="utf-8").read()
    counts = collections.Counter()
    samples = 0
    for event in text.split("jdk.ExecutionSample {")[1:]:
        stack = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
        if not stack:
            continue
        samples += 1
        frames = [line.strip() for line in stack.group(1).strip().split("\n") if line.strip()]
        counts[next((kind for frame in frames for kind, pattern in KINDS if re.search(pattern, frame)), "other")] += 1
    print(f"{samples} samples")
    print("| kind of work | share of the samples |")
    print("|---|---|")
    for kind, count in counts.most_common():
        print(f"| {kind} | {100 * count / samples:.1f} % |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
