"""The sports and outdoor goods the demo customers buy, and the ratings behind the product watch.

Most products are well rated. A few are rated 3/5 or less by at least 25 customers over the last
twelve months, so the watch list has something to show; a few sit exactly on the rule's edges (3.0
with exactly 25 ratings is watched; 24 poor ratings are not enough; poor ratings older than twelve
months no longer count).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from advisor_desk.domain.model import Product, ProductRating

PRODUCT_NAMESPACE = uuid.UUID("6f1b8a52-3c1e-4d0e-9a57-2f4a1c9e7b10")


class Profile(StrEnum):
    """How a product's ratings are drawn."""

    LOVED = "loved"  # mostly 4 and 5 stars
    AVERAGE = "average"  # 3.4 to 4
    WATCHED = "watched"  # at most 3.0 with well over 25 ratings in 12 months
    EDGE_EXACT = "edge_exact"  # exactly 3.0 with exactly 25 ratings: watched
    EDGE_FEW = "edge_few"  # poor, but only 24 ratings: not watched
    EDGE_OLD = "edge_old"  # poor ratings, all older than 12 months: not watched


@dataclass(frozen=True, slots=True)
class ProductSpec:
    sku: str
    name: str
    price_cents: int
    manager: str
    profile: Profile = Profile.LOVED


PRODUCTS: tuple[ProductSpec, ...] = (
    ProductSpec("RND-TEN-2P", "Tente de randonnée 2 places Sentier 2", 8999, "Camille Rivière"),
    ProductSpec("RND-TEN-4P", "Tente familiale 4 places Sentier Family", 19999, "Camille Rivière"),
    ProductSpec("RND-SAC-40", "Sac à dos 40 L Sentier Trek", 5999, "Camille Rivière", Profile.AVERAGE),
    ProductSpec("RND-SAC-20", "Sac à dos 20 L Sentier Day", 2499, "Camille Rivière"),
    ProductSpec(
        "RND-CHA-MID",
        "Chaussures de randonnée mi-hautes Alto Mid WP",
        7999,
        "Camille Rivière",
        Profile.WATCHED,
    ),
    ProductSpec("RND-VES-PLU", "Veste imperméable Alto Rain 500", 4999, "Camille Rivière", Profile.WATCHED),
    ProductSpec("RND-DUV-10", "Sac de couchage 10 °C Sentier Light", 3499, "Camille Rivière"),
    ProductSpec(
        "RND-BAT-ALU", "Bâtons de marche aluminium (la paire)", 2999, "Camille Rivière", Profile.EDGE_EXACT
    ),
    ProductSpec("RUN-CHA-TR", "Chaussures de trail Alto TR 500", 9999, "Hugo Marchand", Profile.AVERAGE),
    ProductSpec("RUN-CHA-RO", "Chaussures de running route Alto Run 100", 3999, "Hugo Marchand"),
    ProductSpec("RUN-MON-GPS", "Montre GPS Cardio Pulse 300", 12999, "Hugo Marchand", Profile.WATCHED),
    ProductSpec("RUN-TSH-DRY", "T-shirt de running respirant Dry+", 999, "Hugo Marchand"),
    ProductSpec("RUN-COL-HIV", "Collant chaud de running hiver", 2499, "Hugo Marchand"),
    ProductSpec("RUN-LAM-FRO", "Lampe frontale 300 lumens", 2999, "Hugo Marchand", Profile.EDGE_FEW),
    ProductSpec("VEL-VTC-500", "Vélo tout chemin Rivage 500", 44999, "Inès Haddad", Profile.AVERAGE),
    ProductSpec("VEL-VTT-ST", "VTT semi-rigide Crête ST 520", 59999, "Inès Haddad"),
    ProductSpec("VEL-CAS-URB", "Casque vélo urbain 500", 2999, "Inès Haddad"),
    ProductSpec("VEL-ANT-U", "Antivol en U renforcé", 1999, "Inès Haddad"),
    ProductSpec("VEL-PNE-700", "Pneu vélo 700x35 anti-crevaison", 1799, "Inès Haddad", Profile.EDGE_OLD),
    ProductSpec("VEL-SIE-GEL", "Selle confort gel", 2499, "Inès Haddad"),
    ProductSpec("NAT-LUN-SWM", "Lunettes de natation Bulle 500", 1299, "Pierre-Yves Kerbrat"),
    ProductSpec("NAT-MAI-ENT", "Maillot de bain une pièce entraînement", 1999, "Pierre-Yves Kerbrat"),
    ProductSpec("NAT-PAL-SUB", "Paddle gonflable Brisant 10'", 34999, "Pierre-Yves Kerbrat", Profile.WATCHED),
    ProductSpec("NAT-COM-3MM", "Combinaison néoprène 3 mm", 8999, "Pierre-Yves Kerbrat"),
    ProductSpec("FIT-TAP-YOG", "Tapis de yoga 8 mm", 1999, "Clémence Dupré"),
    ProductSpec("FIT-HAL-20K", "Kit haltères 20 kg", 4999, "Clémence Dupré"),
    ProductSpec("FIT-VEL-APP", "Vélo d'appartement EB 500", 29999, "Clémence Dupré", Profile.AVERAGE),
    ProductSpec("FIT-ELA-SET", "Élastiques de musculation (lot de 3)", 1499, "Clémence Dupré"),
    ProductSpec("SKI-GAN-IMP", "Gants de ski imperméables 500", 2999, "Jean-Luc Perrin"),
    ProductSpec("SKI-MAS-S3", "Masque de ski catégorie S3", 3999, "Jean-Luc Perrin"),
    ProductSpec("SKI-DOU-WAR", "Doudoune chaude Alpin Warm", 6999, "Jean-Luc Perrin", Profile.AVERAGE),
    ProductSpec("SKI-CHA-RAQ", "Raquettes à neige Crête SH 100", 5999, "Jean-Luc Perrin"),
    ProductSpec("RAQ-TEN-TR", "Raquette de tennis TR 160", 3999, "Aurélie Fontaine"),
    ProductSpec("RAQ-BAD-SET", "Set de badminton famille", 2499, "Aurélie Fontaine"),
    ProductSpec("FOO-BAL-T5", "Ballon de football taille 5", 1299, "Aurélie Fontaine"),
    ProductSpec("FOO-CRA-MOU", "Chaussures de foot terrain sec", 3499, "Aurélie Fontaine"),
)


def product_id(sku: str) -> str:
    """A product's id is derived from its SKU, so the demo and volume seeds share products."""
    return str(uuid.uuid5(PRODUCT_NAMESPACE, f"product:{sku}"))


def _stars(rng: random.Random, profile: Profile) -> list[int]:
    if profile is Profile.EDGE_EXACT:
        return [1, 2, 3, 4, 5] * 5  # 25 ratings, exactly 3.0
    if profile is Profile.EDGE_FEW:
        return [rng.choice((1, 2, 2, 3)) for _ in range(24)]
    if profile in (Profile.WATCHED, Profile.EDGE_OLD):
        stars = rng.choices((1, 2, 3, 4, 5), weights=(30, 25, 20, 15, 10), k=rng.randint(30, 60))
        # Keep the average at or under 3.0 whatever the draw: lower the best ratings first.
        while sum(stars) > 3 * len(stars):
            stars[stars.index(max(stars))] = 1
        return stars
    if profile is Profile.AVERAGE:
        return rng.choices((1, 2, 3, 4, 5), weights=(6, 8, 22, 40, 24), k=rng.randint(20, 70))
    return rng.choices((1, 2, 3, 4, 5), weights=(2, 3, 8, 35, 52), k=rng.randint(8, 90))


def build_products(
    rng: random.Random, now: datetime
) -> tuple[list[Product], list[ProductRating], dict[str, ProductSpec]]:
    """Products with their ratings; the averages and counts match the ratings generated."""
    products: list[Product] = []
    ratings: list[ProductRating] = []
    specs: dict[str, ProductSpec] = {}
    for spec in PRODUCTS:
        pid = product_id(spec.sku)
        specs[pid] = spec
        stars = _stars(rng, spec.profile)
        for n, value in enumerate(stars):
            if spec.profile is Profile.EDGE_OLD:
                age = timedelta(days=rng.randint(380, 700))
            else:
                age = timedelta(days=rng.randint(1, 350), minutes=rng.randint(0, 1439))
            ratings.append(
                ProductRating(
                    id=str(uuid.uuid5(PRODUCT_NAMESPACE, f"rating:{spec.sku}:{n}")),
                    product_id=pid,
                    stars=value,
                    rated_at=now - age,
                    source="review",
                    updated_at=now - age,
                )
            )
        products.append(
            Product(
                id=pid,
                sku=spec.sku,
                name=spec.name,
                rating_average=round(sum(stars) / len(stars), 2),
                rating_count=len(stars),
                manager=spec.manager,
                updated_at=now,
            )
        )
    return products, ratings, specs
