#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Parse KTAP: KUnit's results and the harness's own result files.

usage: ktap.py [--prefix NAME] FILE...

Nesting follows the KTAP rule: a subtest is indented four spaces deeper
than its parent and its result lines come before the parent's own.
Prints one line per leaf test, "PASS", "FAIL" or "SKIP" and its full name
(parents joined with '.'), then a last line "PASSED FAILED SKIPPED".
Counted as failures too: a test whose plan promised more results than
arrived, results left without a parent result (a crash mid-suite), a
failed test none of whose children failed, and a file with no results.
"""
import re
import sys

TIMESTAMP = re.compile(r'^\[\s*\d+\.\d+\] ?')
RESULT = re.compile(r'^(not ok|ok) \d+(?: -)? ?(.*?)\s*(?:#\s*(\w+).*)?$')
PLAN = re.compile(r'^1\.\.(\d+)')


class Node:
    def __init__(self, name, ok, directive, children, plan):
        self.name = name
        self.ok = ok
        self.skip = directive.upper() == 'SKIP'
        self.children = children
        self.plan = plan


def parse(lines):
    """Return (top-level nodes, top-level plan, orphan nodes)."""
    children = {}
    plans = {}
    for raw in lines:
        line = TIMESTAMP.sub('', raw.rstrip('\n').expandtabs(8))
        stripped = line.lstrip(' ')
        depth = (len(line) - len(stripped)) // 4
        m = PLAN.match(stripped)
        if m:
            plans[depth] = int(m.group(1))
            continue
        m = RESULT.match(stripped)
        if not m:
            continue
        node = Node(m.group(2), m.group(1) == 'ok', m.group(3) or '',
                    children.pop(depth + 1, []), plans.pop(depth + 1, None))
        # Deeper levels left over belong to nothing any more.
        for d in [d for d in children if d > depth + 1]:
            children.setdefault(-1, []).extend(children.pop(d))
        children.setdefault(depth, []).append(node)
    orphans = children.pop(-1, [])
    for d in sorted(d for d in children if d > 0):
        orphans.extend(children[d])
    return children.get(0, []), plans.get(0), orphans


def leaves(node, parent, out):
    name = parent + '.' + node.name if parent else node.name
    if not node.children:
        out.append(('SKIP' if node.skip else
                    'PASS' if node.ok else 'FAIL', name))
        return
    first = len(out)
    for child in node.children:
        leaves(child, name, out)
    if node.plan is not None and len(node.children) < node.plan:
        out.append(('FAIL', '%s (%d of %d results)' %
                    (name, len(node.children), node.plan)))
    elif not node.ok and not any(s == 'FAIL' for s, _ in out[first:]):
        out.append(('FAIL', name))


def report(path, prefix):
    with open(path, errors='replace') as f:
        top, plan, orphans = parse(f)
    out = []
    label = prefix or path
    for node in top:
        leaves(node, prefix, out)
    for node in orphans:
        leaves(node, prefix, out)
        out.append(('FAIL', '%s.%s (no parent result)' % (label, node.name)))
    if not top and not orphans:
        out.append(('FAIL', '%s (no results)' % label))
    elif plan is not None and len(top) < plan:
        out.append(('FAIL', '%s (%d of %d results)' % (label, len(top), plan)))
    return out


def main(argv):
    prefix = ''
    args = argv[1:]
    if len(args) >= 2 and args[0] == '--prefix':
        prefix, args = args[1], args[2:]
    counts = {'PASS': 0, 'FAIL': 0, 'SKIP': 0}
    for path in args:
        for status, name in report(path, prefix):
            counts[status] += 1
            print('%-4s %s' % (status, name))
    print(counts['PASS'], counts['FAIL'], counts['SKIP'])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
