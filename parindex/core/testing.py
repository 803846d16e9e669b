"""Test helpers: walk every URL pattern of the project and check that anonymous visitors are refused.

Used by tests/core/test_every_url_refuses_anonymous.py; it finds new URLs by itself as apps add them, so a
view that forgets its permission decorator fails the suite instead of going live.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

# Values tried for each URL parameter, in order, until one fits the parameter's pattern.
_CANDIDATES = ("1", "a", "00000000-0000-0000-0000-000000000001")
_REFUSING_STATUSES = frozenset({401, 403})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_GROUP_START = re.compile(r"\(\?P<(\w+)>")


class UrlSampleError(Exception):
    """A URL pattern for which no concrete path could be built."""


@dataclass(frozen=True)
class UrlSample:
    path: str
    name: str | None
    namespace: str | None
    callback: Callable[..., Any]
    pattern: str

    def __str__(self) -> str:
        return f"{self.name or '(không tên)'} {self.path}"


def _candidates() -> tuple[str, ...]:
    # App labels too: the admin's app_list pattern accepts only those.
    return _CANDIDATES + tuple(config.label for config in apps.get_app_configs())


def _route_sample(pattern: RoutePattern) -> str:
    route = str(pattern)  # the route as written, e.g. "<int:pk>/sua/"

    def substitute(match: re.Match[str]) -> str:
        converter = pattern.converters[match.group(2)]
        for candidate in _candidates():
            if re.fullmatch(converter.regex, candidate):
                return candidate
        raise UrlSampleError(f"no sample value fits <{match.group(1)}{match.group(2)}> in {route!r}")

    return re.sub(r"<(?:(\w+):)?(\w+)>", substitute, route)


def _group_spans(regex: str) -> list[tuple[int, int]]:
    spans = []
    for match in _GROUP_START.finditer(regex):
        depth, index = 0, match.start()
        while index < len(regex):
            char = regex[index]
            if char == "\\":
                index += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    break
            index += 1
        spans.append((match.start(), index + 1))
    return spans


def _regex_sample(pattern: RegexPattern, *, is_endpoint: bool) -> str:
    regex = str(pattern)  # the regular expression as written
    body = regex.removeprefix("^")
    for suffix in ("\\Z", "$"):
        body = body.removesuffix(suffix)
    spans = _group_spans(body)
    pieces, last = [], 0
    for start, end in spans:
        pieces.append(re.sub(r"\\(.)", r"\1", body[last:start]))
        last = end
    tail = re.sub(r"\\(.)", r"\1", body[last:])
    matcher = re.fullmatch if is_endpoint else re.match
    for values in itertools.product(_candidates(), repeat=len(spans)):
        sample = "".join(piece + value for piece, value in zip(pieces, values, strict=True)) + tail
        if (match := matcher(regex, sample)) and (is_endpoint or match.end() == len(sample)):
            return sample
    raise UrlSampleError(f"no sample path fits the regular expression {regex!r}")


def _sample(pattern: Any, *, is_endpoint: bool) -> str:
    if isinstance(pattern, RoutePattern):
        return _route_sample(pattern)
    if isinstance(pattern, RegexPattern):
        return _regex_sample(pattern, is_endpoint=is_endpoint)
    # LocalePrefixPattern and the like
    return str(pattern)


def iter_url_samples(urlconf: str | None = None) -> Iterator[UrlSample]:
    """One concrete path per URL pattern of the project, with the view it resolves to."""

    def walk(entries: list[Any], prefix: str, namespace: str | None) -> Iterator[UrlSample]:
        for entry in entries:
            if isinstance(entry, URLResolver):
                inner_namespace = namespace
                if entry.namespace:
                    inner_namespace = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                yield from walk(entry.url_patterns, prefix + _sample(entry.pattern, is_endpoint=False), inner_namespace)
            elif isinstance(entry, URLPattern):
                path = "/" + prefix + _sample(entry.pattern, is_endpoint=True)
                name = None
                if entry.name:
                    name = f"{namespace}:{entry.name}" if namespace else entry.name
                match = resolve(path, urlconf)
                if match.func is not entry.callback:
                    raise UrlSampleError(f"{path} resolves to {match.view_name}, not to {name or entry}")
                yield UrlSample(
                    path=path, name=name, namespace=namespace, callback=entry.callback, pattern=str(entry.pattern)
                )

    yield from walk(get_resolver(urlconf).url_patterns, "", None)


def _login_paths() -> set[str]:
    paths = {urlsplit(resolve_url(settings.LOGIN_URL)).path}
    with contextlib.suppress(NoReverseMatch):  # a project without the admin
        paths.add(reverse("admin:login"))
    return paths


def anonymous_access_problem(client: Client, sample: UrlSample) -> str | None:
    """None if an anonymous GET and POST to the sample are both refused (login redirect, 401/403, or 405 for
    a method the view does not take, as long as one method was refused outright); otherwise what went wrong."""
    login_paths = _login_paths()
    refused = False
    for method in ("get", "post"):
        response = getattr(client, method)(sample.path)
        status = response.status_code
        redirected_to_login = status in _REDIRECT_STATUSES and urlsplit(response["Location"]).path in login_paths
        if status in _REFUSING_STATUSES or redirected_to_login:
            refused = True
        elif status != 405:
            return f"{method.upper()} {sample} trả về {status} cho người chưa đăng nhập"
    return None if refused else f"{sample}: không phương thức nào từ chối người chưa đăng nhập"
