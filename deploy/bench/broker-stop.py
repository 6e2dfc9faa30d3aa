#!/usr/bin/env python3
"""What the lag metrics read while Kafka is stopped for 30 s, and after it returns.

Start ./run.sh first, then run this from another terminal: deploy/bench/broker-stop.py

It writes 20 updates/s (over four incidents of a new page) through the write API, and every 2 s
prints the relay's lag (incident-command), the read models' lag and Kafka's consumer lag
(incident-query) and how many versions behind a read of one incident is. After 20 s it stops
./run.sh's launcher JVM, which holds the broker, with SIGSTOP for 30 s, then resumes it and goes on
for 28 s. Needs Python 3 only; standard library. docs/operations.md ("While Kafka is away") has the
figures of a run.
"""
import json
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

HEADERS = {'Authorization': 'Bearer sitrep-local-key', 'Content-Type': 'application/json'}
COMMAND, QUERY = 'http://127.0.0.1:8080', 'http://127.0.0.1:8081'
WRITES_PER_SECOND, INCIDENTS, BEFORE, STOPPED, AFTER = 20, 4, 20, 30, 28


def call(method, url, body=None, timeout=10):
    request = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(),
                                     headers=HEADERS, method=method)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b'null')


def metric(text, name, label=None):
    """The sum of a metric's series that read a number, or None."""
    total = None
    for line in text.splitlines():
        if line.startswith(name) and line[len(name)] in '{ ' and (label is None or label in line):
            value = float(line.rsplit(' ', 1)[1])
            if value == value:
                total = (total or 0) + value
            elif total is None:
                total = value
    return total


page = 'broker-stop-%d' % int(time.time())
call('PUT', f'{COMMAND}/api/v1/pages/{page}', {'name': 'Broker stop', 'timeZone': 'UTC'})
incidents = [call('POST', f'{COMMAND}/api/v1/pages/{page}/incidents',
                  {'title': 'Stop %d' % i, 'impact': 'minor', 'message': 'start'})['incidentId']
             for i in range(INCIDENTS)]
launcher = int(subprocess.check_output(['pgrep', '-f', 'local-infra-.*-exec.jar']).split()[0])
start, done, written, failed, acknowledged = time.time(), threading.Event(), [0], [], [1]


def write():
    n = 0
    while not done.is_set():
        time.sleep(max(0.0, start + n / WRITES_PER_SECOND - time.time()))
        try:
            answer = call('POST', f'{COMMAND}/api/v1/incidents/{incidents[n % INCIDENTS]}/updates',
                          {'message': 'update %d' % n})
            written[0] += 1
            if n % INCIDENTS == 0:
                acknowledged[0] = answer['version']
        except Exception as e:  # every failure is reported at the end
            failed.append('%.1f s: %s' % (time.time() - start, e))
        n += 1


def sample():
    command = urllib.request.urlopen(COMMAND + '/actuator/prometheus', timeout=15).read().decode()
    began = time.time()
    query = urllib.request.urlopen(QUERY + '/actuator/prometheus', timeout=15).read().decode()
    scrape = time.time() - began
    try:
        behind = '%4d' % (acknowledged[0] - call('GET', f'{QUERY}/api/v1/incidents/{incidents[0]}', timeout=5)['version'])
    except urllib.error.HTTPError as e:  # 404 until the incident is on its first page
        behind = 'HTTP %d' % e.code
    return ('relay lag %5.0f events %5.1f s | read model lag %5s | kafka consumer lag %5s | read %s versions'
            ' behind | query scrape %.2f s' % (
                metric(command, 'sitrep_relay_lag_events'), metric(command, 'sitrep_relay_lag_age_seconds'),
                metric(query, 'sitrep_projection_lag_events', 'status-pages'),
                metric(query, 'kafka_consumer_fetch_manager_records_lag'), behind, scrape))


threading.Thread(target=write, daemon=True).start()
phase, stopped_at = 'before', None
while time.time() - start < BEFORE + STOPPED + AFTER:
    elapsed = time.time() - start
    if phase == 'before' and elapsed >= BEFORE:
        os.kill(launcher, signal.SIGSTOP)
        phase, stopped_at = 'stopped', time.time()
        print('--- broker stopped (launcher JVM %d)' % launcher, flush=True)
    elif phase == 'stopped' and time.time() - stopped_at >= STOPPED:
        os.kill(launcher, signal.SIGCONT)
        phase = 'after'
        print('--- broker back', flush=True)
    print('%5.1f s %-7s %s' % (elapsed, phase, sample()), flush=True)
    time.sleep(max(0.0, 2 - (time.time() - start) % 2))
done.set()
print('writes acknowledged: %d, failed: %d' % (written[0], len(failed)))
for failure in failed[:10]:
    print('  ' + failure)
