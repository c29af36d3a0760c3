"""Scans: LibreOffice's pages printed and scanned, as image-only PDFs and image files.

Each page is rendered at 150-200 dpi (grey), turned by 0.3-2 degrees either way, and
given what a scanner or a phone adds: noise, a little blur, a change of contrast and
brightness, sometimes a grey cast, specks, a dark edge, background removal, or
black-and-white thresholding.
The same damage is made again for each output (from the producer's own random source):

- scan: an image-only PDF, one image per page (what a multifunction printer emails);
- scan-tif: a multi-page TIFF (mostly bilevel Group 4, else greyscale LZW);
- scan-png, scan-jpg: one file per page (`NAME.p2.png`; a PNG is black and white or grey, as
  the scanner's text or photo mode makes it), as pages are photographed or
  scanned one at a time. `files.json` says which fields each page holds (found by
  following the typed answers through the page texts in order); a field that runs over
  two pages is counted on neither.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from ..item import Job

GAP = 60  # tokens allowed between two tokens of one answer (labels and other cells between)


def pages(pdf: Path, dpi: int) -> list[Image.Image]:
    with tempfile.TemporaryDirectory(prefix="corpus-scan-") as scratch:
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(dpi), str(pdf), f"{scratch}/page"],  # PGM: no compressing
            check=True,
            timeout=300,
        )
        files = sorted(Path(scratch).glob("page-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        images = []
        for file in files:
            with Image.open(file) as image:
                images.append(image.convert("L"))
        return images


def damage(page: Image.Image, rng: random.Random) -> Image.Image:
    """A page as a scanner returns it."""
    angle = rng.uniform(0.3, 2.0) * rng.choice((-1, 1))
    image = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if rng.random() < 0.3:  # a grey cast from thin paper or an auto-exposure
        image = image.point(lambda v: int(v * rng.uniform(0.86, 0.95)) + rng.randint(0, 8))
    image = ImageEnhance.Contrast(image).enhance(rng.uniform(0.75, 1.3))
    image = ImageEnhance.Brightness(image).enhance(rng.uniform(0.92, 1.08))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.8)))
    noise = Image.effect_noise(image.size, rng.uniform(8, 30))
    image = Image.blend(image, noise, rng.uniform(0.04, 0.12))
    if rng.random() < 0.6:  # the scanner's background removal whitens the paper again
        cut = rng.randint(200, 230)
        image = image.point(lambda v: 255 if v > cut else v)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(0, 60)):  # specks of dust
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        r = rng.choice((1, 1, 2))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randint(0, 90))
    if rng.random() < 0.3:  # the shadow of the scanner lid along one edge
        width = rng.randint(4, 20)
        x = 0 if rng.random() < 0.5 else image.width - width
        draw.rectangle((x, 0, x + width, image.height), fill=rng.randint(40, 120))
    return image


def _scanned(job: Job, producer: str, name: str) -> tuple[list[Image.Image], int]:
    rng = job.rng(producer, name)
    dpi = rng.choice((150, 150, 200, 200, 175))
    return [damage(page, rng) for page in pages(job.out / "pdf" / f"{name}.pdf", dpi)], dpi


def pdf(job: Job) -> None:
    out = job.folder("scan")
    for name in job.names:
        images, dpi = _scanned(job, "scan", name)
        rgb = [
            image.convert("RGB") if job.rng("scan-colour", name).random() < 0.3 else image for image in images
        ]
        rgb[0].save(
            out / f"{name}.pdf", "PDF", save_all=True, append_images=rgb[1:], resolution=dpi, quality=70
        )


def tif(job: Job) -> None:
    out = job.folder("scan-tif")
    for name in job.names:
        images, dpi = _scanned(job, "scan-tif", name)
        if job.rng("scan-tif-kind", name).random() < 0.7:
            bilevel = [image.point(lambda v: 255 if v > 150 else 0).convert("1") for image in images]
            bilevel[0].save(
                out / f"{name}.tif",
                save_all=True,
                append_images=bilevel[1:],
                compression="group4",
                dpi=(dpi, dpi),
            )
        else:
            images[0].save(
                out / f"{name}.tif",
                save_all=True,
                append_images=images[1:],
                compression="tiff_lzw",
                dpi=(dpi, dpi),
            )


def png(job: Job) -> None:
    _page_files(job, "scan-png", "png")


def jpg(job: Job) -> None:
    _page_files(job, "scan-jpg", "jpg")


def _page_files(job: Job, producer: str, suffix: str) -> None:
    out = job.folder(producer)
    truth = json.loads((job.out / "truth.json").read_text(encoding="utf-8"))
    listing: dict[str, dict[str, Any]] = {}
    for name in job.names:
        images, dpi = _scanned(job, producer, name)
        where = locate(job.out / "pdf" / f"{name}.pdf", truth[name]["written"])
        fields = truth[name]["fields"]
        for number, image in enumerate(images, 1):
            file = f"{name}.p{number}.{suffix}"
            if suffix == "jpg":
                image.save(out / file, quality=job.rng(producer, file).randint(55, 85), dpi=(dpi, dpi))
            elif job.rng(producer, file).random() < 0.5:  # a scanner's "text" mode: black and white
                image.point(lambda v: 255 if v > 150 else 0).convert("1").save(out / file, dpi=(dpi, dpi))
            else:
                image.save(out / file, dpi=(dpi, dpi))
            on_page = [f for f in fields if where.get(f) == {number}]
            listing[file] = {
                "item": name,
                "page": number,
                "fields": on_page,
                "elsewhere": [f for f in fields if f not in on_page],
            }
    (out / "files.json").write_text(json.dumps(listing, indent=1), encoding="utf-8")


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def locate(pdf: Path, written: dict[str, str]) -> dict[str, set[int]]:
    """The pages each typed answer is on, following the answers in the order typed."""
    import pdfplumber

    stream: list[tuple[int, str]] = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            for word in page.extract_words(use_text_flow=True):
                stream += [(number, token) for token in tokens(word["text"])]
    found: dict[str, set[int]] = {}
    cursor = 0
    for field, typed in written.items():
        wanted = tokens(typed)
        if not wanted:
            continue
        match = _follow(stream, wanted, cursor) or _follow(stream, wanted, 0)
        if match is None:
            continue
        found[field] = {stream[i][0] for i in match}
        cursor = match[-1] + 1
    return found


def _follow(stream: list[tuple[int, str]], wanted: list[str], start: int) -> list[int] | None:
    for first in range(start, len(stream)):
        if stream[first][1] != wanted[0]:
            continue
        matched = [first]
        for token in wanted[1:]:
            window = range(matched[-1] + 1, min(len(stream), matched[-1] + 1 + GAP))
            step = next((i for i in window if stream[i][1] == token), None)
            if step is None:
                break
            matched.append(step)
        else:
            return matched
    return None
