#!/usr/bin/env python3
"""Where a build's CPU goes, by kind of process: runs a command, samples /proc every second while it runs, and
prints the CPU seconds of the Invoker projects' mvn processes, the test JVMs, javac, Maven's own JVM, each
kind of PostgreSQL server (a postmaster's figure includes the backends it reaped) and the kernel's threads,
beside the machine's whole figure from /proc/stat. Linux only.

    .ci/cpu-profile.py .ci/run
    .ci/cpu-profile.py mvn -B -T 1C verify

The last line says in which minutes of the run the processors sat idle (a module waiting for another, a
single-threaded tail). A process that lives less than a second between two samples is missed on its own; a
backend's CPU still reaches its postmaster's figure when the postmaster reaps it, and a Maven fork's reaches its
parent's.
"""
import collections
import os
import re
import subprocess
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')


def machine():
    with open('/proc/stat') as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields[7] if len(fields) > 7 else 0)
    return busy, fields[3]


def sample(seen, me, baseline=False):
    for d in os.listdir('/proc'):
        if not d.isdigit() or int(d) == me:
            continue
        try:
            with open('/proc/%s/stat' % d) as f:
                s = f.read()
            end = s.rfind(')')
            comm = s[s.find('(') + 1:end]
            fields = s[end + 2:].split()
            key = (int(d), int(fields[19]))
            own = int(fields[11]) + int(fields[12])
            reaped = int(fields[13]) + int(fields[14])
            p = seen.get(key)
            if p is None:
                # a process seen before the command started counts only what it spends from then on
                p = seen[key] = {'comm': None, 'cmd': '', 'own0': own if baseline else 0,
                                 'reaped0': reaped if baseline else 0}
            p['own'], p['reaped'] = own - p['own0'], reaped - p['reaped0']
            if p['comm'] != comm:  # new, or it ran exec (mvn's script becomes java)
                p['comm'] = comm
                with open('/proc/%s/cmdline' % d, 'rb') as f:
                    p['cmd'] = f.read().replace(b'\0', b' ').decode(errors='replace')
        except (OSError, IndexError, ValueError):
            pass


def kind(p):
    comm, cmd = p['comm'], p['cmd']
    if comm == 'postgres' and ' -D ' in cmd:
        connections = re.search(r'max_connections=(\d+)', cmd)
        if '/usr/lib/postgresql' in cmd:
            return 'PostgreSQL: installed servers (Citus)', True
        if connections and connections.group(1) == '100':
            return "PostgreSQL: the tests' servers", True
        return "PostgreSQL: the goals' embedded and throwaway servers", True
    if comm == 'postgres':
        return None, False  # a backend: its postmaster counts it once it is reaped
    if comm == 'javac':
        return 'javac (forked, Error Prone)', False
    if comm == 'java':
        if 'surefire' in cmd or 'failsafe' in cmd:
            return 'test JVMs (Surefire, Failsafe)', False
        if 'plexus-classworlds' in cmd and '/target/it/' in cmd:
            return "Invoker projects' mvn processes", False
        if 'plexus-classworlds' in cmd:
            return "Maven's own JVM", False
        return 'other Java processes', False
    if comm.startswith(('kworker', 'ksoftirqd', 'rcu_', 'kcompactd', 'kswapd', 'migration')):
        return 'kernel threads', False
    return 'other processes', False


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    seen = {}
    sample(seen, os.getpid(), baseline=True)
    busy0, idle0 = machine()
    start = time.time()
    child = subprocess.Popen(sys.argv[1:])
    idle_by_minute = collections.Counter()
    last_idle = idle0
    while child.poll() is None:
        sample(seen, os.getpid())
        time.sleep(1)
        _, idle = machine()
        idle_by_minute[int((time.time() - start) // 60)] += idle - last_idle
        last_idle = idle
    busy1, idle1 = machine()
    totals, counts = collections.Counter(), collections.Counter()
    for p in seen.values():
        name, with_reaped = kind(p)
        if name:
            totals[name] += p['own'] + (p['reaped'] if with_reaped else 0)
            counts[name] += 1
    print('\nwall %.0f s; machine: %.0f CPU s busy, %.0f s idle' % (
        time.time() - start, (busy1 - busy0) / HZ, (idle1 - idle0) / HZ))
    for name, ticks in totals.most_common():
        if ticks < HZ and not os.environ.get("CPU_PROFILE_ALL"):
            continue
        print('%8.0f CPU s  %5d processes  %s' % (ticks / HZ, counts[name], name))
    print('idle processor seconds, minute by minute: ' + ' '.join(
        '%d:%.0f' % (m, idle_by_minute[m] / HZ) for m in sorted(idle_by_minute)))
    sys.exit(child.returncode)


if __name__ == '__main__':
    main()
