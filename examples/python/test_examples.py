"""Tests of the Python examples against a running server: BOILERSTRIP_URL, SAMPLE (a text file)."""
import io
import json
import os
import sys
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import boilerstrip_client  # noqa: E402
from scrapy_pipeline import BoilerstripPipeline, DropItem  # noqa: E402

URL = os.environ["BOILERSTRIP_URL"]
SAMPLE = open(os.environ["SAMPLE"], encoding="utf-8").read()


class Settings(dict):
    pass


class Crawler:
    def __init__(self, settings):
        self.settings = Settings(settings)


class ExamplesTest(unittest.TestCase):
    def test_clean(self):
        r = boilerstrip_client.Client(URL).clean(text=SAMPLE, preference="recall")
        self.assertTrue(0 <= r["confidence"] <= 1)
        self.assertTrue(set(r["text"].split("\n")) <= set(SAMPLE.split("\n")))
        self.assertGreater(len(r["removed"]), 0)

    def test_error_is_raised_with_code(self):
        with self.assertRaises(boilerstrip_client.BoilerstripError) as cm:
            boilerstrip_client.Client(URL).clean(text=SAMPLE, minConfidence=2)
        self.assertEqual((cm.exception.status, cm.exception.code), (400, "invalid_options"))

    def test_batch_in_order_with_errors_inline(self):
        docs = [{"id": i, "text": SAMPLE if i != 3 else ""} for i in range(7)]
        items = list(boilerstrip_client.Client(URL).batch(docs, chunk=3))
        self.assertEqual([it["index"] for it in items], list(range(7)))
        self.assertEqual([it.get("id") for it in items], list(range(7)))
        self.assertEqual(items[3]["error"]["code"], "no_text")
        self.assertEqual(items[0]["text"], items[6]["text"])

    def test_site_template(self):
        client = boilerstrip_client.Client(URL)
        site = "Python Site.example"
        self.assertIsNone(client.site_template(site))
        self.assertEqual(client.learn(site, text=SAMPLE)["pages"], 1)
        self.assertEqual(client.learn(site, text=SAMPLE + "\nA closing line that only the second page carries.")["pages"], 2)
        t = client.site_template(site.lower())
        self.assertEqual((t["site"], t["pages"], t["window"], t["needed"]), ("python site.example", 2, 2, 2))
        self.assertTrue(client.forget_site(site))
        self.assertFalse(client.forget_site(site))
        self.assertIsNone(client.site_template(site))

    def test_cli_main(self):
        out = io.StringIO()
        with redirect_stdout(out):
            code = boilerstrip_client.main(["--url", URL, "--json", os.environ["SAMPLE"]])
        self.assertEqual(code, 0)
        print(out.getvalue().strip())  # for the vitest side to compare with the server's answer

    def test_scrapy_pipeline(self):
        pipeline = BoilerstripPipeline.from_crawler(Crawler({"BOILERSTRIP_URL": URL, "BOILERSTRIP_MIN_CONFIDENCE": 0.0}))
        item = pipeline.process_item({"url": "https://example.org/a", "text": SAMPLE})
        self.assertLess(len(item["text"]), len(SAMPLE))
        self.assertIn("confidence", item["boilerstrip"])
        self.assertTrue(all(r["reason"] for r in item["boilerstrip"]["removed"]))
        self.assertEqual(pipeline.process_item({"url": "x"}), {"url": "x"})
        strict = BoilerstripPipeline(URL, min_confidence=1.0)
        with self.assertRaises(DropItem):
            strict.process_item({"text": SAMPLE})


if __name__ == "__main__":
    unittest.main()
