#!/usr/bin/env python3
"""Call the boilerstrip API from Python with the standard library only (urllib).

    python3 boilerstrip_client.py --url http://127.0.0.1:8787 page.txt      # prints the body
    python3 boilerstrip_client.py --json page.txt                            # the whole result
    python3 boilerstrip_client.py --batch pages.jsonl > cleaned.jsonl        # NDJSON in and out

Retries 429 and 5xx answers with exponential backoff, honouring Retry-After.
"""
import argparse
import json
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8787"
# 4 retries from 0.25 s: about 4 s of backoff in all, enough to ride out a restart.
RETRIES = 4
BACKOFF_S = 0.25
# Documents per batch request; the server accepts at most 100.
CHUNK = 50


class BoilerstripError(Exception):
    def __init__(self, status, code, message):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


class Client:
    def __init__(self, base_url=DEFAULT_URL, api_key=None, timeout=60):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    def _post(self, path, payload):
        return self._request("POST", path, payload)

    def _request(self, method, path, payload=None):
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        headers = {"content-type": "application/json"} if data is not None else {}
        if self.api_key:
            headers["authorization"] = f"Bearer {self.api_key}"
        for attempt in range(RETRIES + 1):
            req = urllib.request.Request(self.base_url + path, data=data, headers=headers, method=method)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as res:
                    return json.load(res)
            except urllib.error.HTTPError as e:
                body = e.read()
                if (e.code == 429 or e.code >= 500) and attempt < RETRIES:
                    time.sleep(_delay(attempt, e.headers.get("retry-after")))
                    continue
                try:
                    err = json.loads(body)["error"]
                except (ValueError, KeyError, TypeError):
                    err = {"code": "http_error", "message": e.reason}
                raise BoilerstripError(e.code, err["code"], err["message"]) from None
            except urllib.error.URLError:
                if attempt >= RETRIES:
                    raise
                time.sleep(_delay(attempt, None))

    def clean(self, text=None, html=None, url=None, site=None, **options):
        """Clean one document; options: explain, preference, minConfidence, format ("markdown" for Markdown text)."""
        doc = {k: v for k, v in {"text": text, "html": html, "url": url, "site": site}.items() if v is not None}
        if options:
            doc["options"] = options
        return self._post("/v1/clean", doc)

    def learn(self, site, text=None, html=None, url=None):
        """Clean one page and learn it into its site's template; returns the template's counts."""
        doc = {k: v for k, v in {"text": text, "html": html, "url": url}.items() if v is not None}
        return self._post(f"/v1/sites/{urllib.parse.quote(site, safe='')}/learn", doc)

    def site_template(self, site):
        """What a site's template holds (counts: pages, window, lines, templateLines, needed), or None."""
        try:
            return self._request("GET", f"/v1/sites/{urllib.parse.quote(site, safe='')}")
        except BoilerstripError as e:
            if e.status == 404:
                return None
            raise

    def forget_site(self, site):
        """Forget a site's template; whether there was one."""
        return self._request("DELETE", f"/v1/sites/{urllib.parse.quote(site, safe='')}")["deleted"]

    def batch(self, docs, chunk=CHUNK):
        """Clean an iterable of documents (dicts with text or html); yields one answer each, in order.
        An answer is the result, or {"error": {...}} for that document alone."""
        buf, offset = [], 0
        for doc in docs:
            buf.append(doc)
            if len(buf) == chunk:
                yield from self._batch(buf, offset)
                offset, buf = offset + len(buf), []
        if buf:
            yield from self._batch(buf, offset)

    def _batch(self, docs, offset):
        for item in self._post("/v1/clean/batch", docs):
            item["index"] += offset
            yield item


def _delay(attempt, retry_after):
    if retry_after:
        try:
            return min(60.0, float(retry_after))
        except ValueError:
            pass
    return BACKOFF_S * 2 ** attempt * (0.5 + random.random() / 2)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("files", nargs="*", help="text files (default: stdin)")
    p.add_argument("--url", default=DEFAULT_URL, help="the service (default %(default)s)")
    p.add_argument("--json", action="store_true", help="print the whole result as JSON")
    p.add_argument("--batch", action="store_true", help="the input is NDJSON documents; NDJSON out")
    args = p.parse_args(argv)
    client = Client(args.url)
    inputs = args.files or ["-"]
    failed = 0
    for name in inputs:
        stream = sys.stdin if name == "-" else open(name, encoding="utf-8")
        with stream:
            if args.batch:
                for item in client.batch(json.loads(line) for line in stream if line.strip()):
                    failed += "error" in item
                    print(json.dumps(item, ensure_ascii=False))
                continue
            try:
                result = client.clean(text=stream.read())
            except BoilerstripError as e:
                print(f"{name}: {e}", file=sys.stderr)
                failed += 1
                continue
            print(json.dumps(result, ensure_ascii=False) if args.json else result["text"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
