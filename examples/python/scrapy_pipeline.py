"""A Scrapy item pipeline that replaces an item's scraped text with the article body.

Enable it in settings.py:

    ITEM_PIPELINES = {"scrapy_pipeline.BoilerstripPipeline": 300}
    BOILERSTRIP_URL = "http://127.0.0.1:8787"
    BOILERSTRIP_FIELD = "text"            # the item field holding the scraped text
    BOILERSTRIP_MIN_CONFIDENCE = 0.5      # below it the item is dropped (None keeps every item)

It only needs the item's dict interface (item[field], item.get, item[key] = value), so it works
with dicts, scrapy.Item and itemadapter-wrapped items, and imports without Scrapy installed.
"""
from boilerstrip_client import BoilerstripError, Client

try:  # Scrapy's own exception when Scrapy is installed, so its stats count dropped items.
    from scrapy.exceptions import DropItem
except ImportError:  # pragma: no cover - exercised where Scrapy is absent
    class DropItem(Exception):
        pass


class BoilerstripPipeline:
    def __init__(self, url="http://127.0.0.1:8787", field="text", min_confidence=0.5, api_key=None):
        self.client = Client(url, api_key=api_key)
        self.field = field
        self.min_confidence = min_confidence

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        min_conf = s.get("BOILERSTRIP_MIN_CONFIDENCE", 0.5)
        return cls(
            url=s.get("BOILERSTRIP_URL", "http://127.0.0.1:8787"),
            field=s.get("BOILERSTRIP_FIELD", "text"),
            min_confidence=None if min_conf is None else float(min_conf),
            api_key=s.get("BOILERSTRIP_API_KEY"),
        )

    def process_item(self, item, spider=None):
        text = item.get(self.field)
        if not text:
            return item
        try:
            result = self.client.clean(text=text, url=item.get("url"))
        except BoilerstripError as e:
            raise DropItem(f"boilerstrip could not clean {item.get('url') or 'the item'}: {e}") from None
        if self.min_confidence is not None and result["confidence"] < self.min_confidence:
            raise DropItem(f"body confidence {result['confidence']:.2f} below {self.min_confidence}")
        item[self.field] = result["text"]
        item["boilerstrip"] = {
            "confidence": result["confidence"],
            "title": result.get("title"),
            "removed": [{"text": r["text"], "category": r["category"], "reason": r["reason"]} for r in result["removed"]],
            "model": result["model"],
        }
        return item
