"""No input makes `kg build` reach the network: every address an input names (a sidecar's url, a
page's canonical link, images, scripts, a news-please url, a JSON Lines url) points at a loopback
listener that counts requests, and the build must send it none."""
from __future__ import annotations

import json

from hostile_helpers import run_kg
from test_hostile_rdf_files import CountingListener

TEXT = ("NAIROBI, May 15 (KNA) - Kenyan Foreign Minister Amina Wekesa met Ghanaian Foreign Minister Kofi "
        "Mensah-Bonsu in Nairobi today to review trade and visa facilitation between the two countries.")


def test_a_build_sends_no_request_for_any_address_an_input_names(tmp_path):
    with CountingListener() as listener:
        url = listener.url
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "a.txt").write_text(TEXT, encoding="utf-8")
        (folder / "a.meta.json").write_text(json.dumps({"id": "a", "url": f"{url}/sidecar",
                                                        "published": "2024-05-15"}), encoding="utf-8")
        (folder / "b.jsonl").write_text(json.dumps({"id": "b", "text": TEXT, "url": f"{url}/jsonl"}) + "\n",
                                        encoding="utf-8")
        (folder / "c.html").write_text(
            f'<html lang="en"><head><title>Talks in Nairobi</title><link rel="canonical" href="{url}/canonical">'
            f'<script src="{url}/script.js"></script><link rel="stylesheet" href="{url}/style.css"></head>'
            f'<body><nav><a href="{url}/nav">Home</a></nav><article><h1>Talks in Nairobi</h1>'
            f'<img src="{url}/photo.jpg"><p>{TEXT}</p><p>{TEXT}</p></article></body></html>', encoding="utf-8")
        (folder / "d.json").write_text(json.dumps({"maintext": TEXT, "title": "Talks", "url": f"{url}/np",
                                                   "date_publish": "2024-05-15 10:00:00",
                                                   "image_url": f"{url}/image.jpg"}), encoding="utf-8")
        run = run_kg("build", str(folder), "--store", str(tmp_path / "store"), "--no-progress")
        assert run.returncode == 0, run.stdout + run.stderr
        assert "mapped 4," in run.stdout, run.stdout
        assert listener.requests == [], listener.requests
