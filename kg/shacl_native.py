"""SHACL validation in plain Python: `ontology/shapes.ttl` compiled into checks over a dict index.

pyshacl costs ~12-18 ms an article; the build's target (500 articles/s mapped and validated
on two cores) leaves well under 1 ms for validation. This module reads the shapes graph once,
interprets it generically (nothing about our shapes is hand-coded here) and compiles every
shape into closures that run on an article's triples indexed by subject and predicate, plus
the reference facts its nodes point to (kg.validate.ReferenceContext.facts_for). No rdflib
Graph is built. The results are the `kg.validate.Finding` objects that pyshacl gives through
`kg.validate.findings`, sorted the same way; tests/test_validation_native.py checks that they
are identical on every seed, test article, shapes fixture and a generated corpus with errors.

Supported SHACL Core subset (anything else in a shape raises UnsupportedShapeError at load):

* targets: sh:targetClass (with rdfs:subClassOf found in the data, as pyshacl does),
  sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf, implicit class targets;
* paths: IRI, sequence, sh:alternativePath, sh:inversePath (of an IRI), sh:zeroOrMorePath,
  sh:oneOrMorePath, sh:zeroOrOnePath;
* constraints: sh:minCount, sh:maxCount, sh:class, sh:datatype, sh:nodeKind, sh:in, sh:hasValue,
  sh:minInclusive, sh:minExclusive, sh:maxInclusive, sh:maxExclusive, sh:minLength,
  sh:maxLength, sh:pattern (+ sh:flags), sh:lessThan, sh:lessThanOrEquals, sh:node, sh:not,
  sh:and, sh:or, sh:xone, sh:qualifiedValueShape (+ sh:qualifiedMinCount / sh:qualifiedMaxCount
  / sh:qualifiedValueShapesDisjoint), sh:property; sh:severity, sh:message, sh:deactivated.

pyshacl's own behaviour is followed where SHACL leaves room or pyshacl differs from it, so
that the findings stay identical: results of sh:node carry the nested shape's results as
details (kg.validate.findings lists those too), results inside sh:not / sh:or / sh:and /
sh:xone / sh:qualifiedValueShape are dropped, conformance of nested shapes honours
allow_warnings (a Warning/Info shape always conforms), value comparisons use the same literal
rules, and a complex path is reported as its (blank) node in the shapes graph. Where pyshacl
stops with an error (sh:lessThan / sh:lessThanOrEquals on a blank node), a result is reported.
"""
from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal
from typing import Callable, Iterable, Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.validate import SEVERITIES, Finding, ReferenceContext, report_shape, shapes_graph, sort_findings

# kg.validate.findings runs pyshacl with allow_warnings=True: results of these severities do not
# make a shape non-conforming (this matters for shapes nested in sh:or, sh:not, ...).
ALLOWED_SEVERITIES = frozenset((SH.Warning, SH.Info))
TARGET_PARAMETERS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
# sh: predicates of a shape that are not constraint components (or are read with one).
NOT_COMPONENTS = frozenset(TARGET_PARAMETERS) | {
    SH.path, SH.severity, SH.message, SH.name, SH.description, SH.order, SH.group, SH.defaultValue,
    SH.deactivated, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint,
}
# Components that exist in SHACL but are not compiled here, named in the load error.
UNSUPPORTED_NAMES = {
    SH.sparql: "sh:SPARQLConstraintComponent", SH.equals: "sh:EqualsConstraintComponent",
    SH.disjoint: "sh:DisjointConstraintComponent", SH.closed: "sh:ClosedConstraintComponent",
    SH.ignoredProperties: "sh:ClosedConstraintComponent", SH.languageIn: "sh:LanguageInConstraintComponent",
    SH.uniqueLang: "sh:UniqueLangConstraintComponent",
}
SHAPE_PARAMETERS = (SH.property, SH.node, SH["not"], SH["or"], SH["and"], SH.xone, SH.qualifiedValueShape)
EMPTY: dict = {}
OK = (True, ())
RDF_TYPE, RDFS_SUBCLASS = str(RDF.type), str(RDFS.subClassOf)
SH_NS = str(SH._NS)


class UnsupportedShapeError(ValueError):
    """shapes.ttl uses something this compiler does not implement (never skipped silently)."""


# ----------------------------------------------------------------------------------------------
# the data: triples indexed by subject and predicate
# ----------------------------------------------------------------------------------------------

class TripleIndex:
    """Triples as {subject: {predicate: [objects]}}, a set (duplicates are dropped).

    Predicates and classes are keyed by plain `str`: a dict lookup with an equal but not
    identical rdflib term goes through rdflib's slow __eq__; a str one does not.
    """

    __slots__ = ("spo", "types_of", "instances_of", "iri_objects", "_ops", "_subclasses", "_superclasses")

    def __init__(self, triples: Iterable[tuple] = (), unique: bool = False):
        """unique: the triples are known to be a set (an rdflib Graph, ArticleTriples), so the
        check for duplicates is skipped."""
        self.spo: dict = {}
        self.types_of: dict = {}  # subject -> {class IRI}, for sh:class
        self.instances_of: dict = {}  # class IRI -> [subjects], for sh:targetClass
        self.iri_objects: list = []  # IRIs used as objects (with repeats), for nodes()
        self._ops: dict | None = None
        self._subclasses: dict | None = None
        self._superclasses: dict = {}
        self.add(triples, unique)

    def add(self, triples: Iterable[tuple], unique: bool = False) -> None:
        spo, types_of, instances_of = self.spo, self.types_of, self.instances_of
        iri_objects = self.iri_objects
        for s, p, o in triples:
            p = str(p)
            po = spo.get(s)
            if po is None:
                spo[s] = {p: [o]}
            else:
                objects = po.get(p)
                if objects is None:
                    po[p] = [o]
                elif not unique and o in objects:
                    continue
                else:
                    objects.append(o)
            if type(o) is URIRef:
                iri_objects.append(o)
            if p == RDF_TYPE:
                cls = str(o)
                types = types_of.get(s)
                if types is None:
                    types_of[s] = {cls}
                else:
                    types.add(cls)
                instances_of.setdefault(cls, []).append(s)
        self._ops = None
        self._subclasses = None
        self._superclasses = {}

    def objects(self, s, p: str) -> Sequence:
        return self.spo.get(s, EMPTY).get(p, ())

    def subjects(self, p: str, o) -> Sequence:
        if self._ops is None:
            ops: dict = {}
            for s, po in self.spo.items():
                for pred, objects in po.items():
                    for obj in objects:
                        ops.setdefault(obj, {}).setdefault(pred, []).append(s)
            self._ops = ops
        return self._ops.get(o, EMPTY).get(p, ())

    def subjects_of(self, p: str) -> list:
        return [s for s, po in self.spo.items() if p in po]

    def objects_of(self, p: str) -> list:
        return list(dict.fromkeys(o for po in self.spo.values() for o in po.get(p, ())))

    def nodes(self) -> set:
        """Every IRI used as a subject or an object (what ReferenceContext adds facts for)."""
        out = set(self.iri_objects)
        out.update(s for s in self.spo if type(s) is URIRef)
        return out

    # -- classes (rdfs:subClassOf is followed only where the data states it, as pyshacl does)
    def has_subclass_axioms(self) -> bool:
        if self._subclasses is None:
            sub: dict = {}
            for s, po in self.spo.items():
                for o in po.get(RDFS_SUBCLASS, ()):
                    sub.setdefault(str(o), []).append(str(s))
            self._subclasses = sub
        return bool(self._subclasses)

    def instances(self, cls: str) -> list:
        if not self.has_subclass_axioms():
            return self.instances_of.get(cls, [])
        found, seen, todo = [], {cls}, [cls]
        while todo:
            c = todo.pop()
            found.extend(self.instances_of.get(c, ()))
            for sub in self._subclasses.get(c, ()):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        return found

    def superclasses(self, cls: str) -> set:
        """cls and all its superclasses (rdflib's transitive_objects over rdfs:subClassOf)."""
        got = self._superclasses.get(cls)
        if got is None:
            got, todo = {cls}, [cls]
            while todo:
                for sup in self.objects(URIRef(todo.pop()), RDFS_SUBCLASS):
                    if str(sup) not in got:
                        got.add(str(sup))
                        todo.append(str(sup))
            self._superclasses[cls] = got
        return got

    def is_instance(self, node, cls: str) -> bool:
        types = self.types_of.get(node)
        if not types:
            return False
        if cls in types:
            return True
        return self.has_subclass_axioms() and any(cls in self.superclasses(t) for t in types)


# ----------------------------------------------------------------------------------------------
# results
# ----------------------------------------------------------------------------------------------

class Result:
    """One validation result; `details` are the results nested under it (sh:node)."""

    __slots__ = ("shape", "focus", "value", "details")

    def __init__(self, shape: "Shape", focus, value=None, details=()):
        self.shape, self.focus, self.value, self.details = shape, focus, value, details

    def findings(self, out: list) -> None:
        s = self.shape
        out.append(Finding(s.severity_name, s.report_name, str(self.focus), s.path_name,
                           None if self.value is None else str(self.value), s.message))
        for detail in self.details:
            detail.findings(out)


# ----------------------------------------------------------------------------------------------
# shapes
# ----------------------------------------------------------------------------------------------

Check = Callable[[TripleIndex, object, Sequence], tuple]


class Shape:
    """A compiled node or property shape: value nodes of a focus node, and its checks."""

    def __init__(self, node, graph: Graph):
        self.node = node
        self.severity = graph.value(node, SH.severity) or SH.Violation
        self.severity_name = SEVERITIES.get(self.severity, "Violation")
        self.lenient = self.severity in ALLOWED_SEVERITIES
        self.deactivated = bool(getattr(graph.value(node, SH.deactivated), "value", False))
        self.path_node = graph.value(node, SH.path)
        self.path_name = None if self.path_node is None else str(self.path_node)
        self.values: Callable = _compile_path(graph, self.path_node) if self.path_node is not None else None
        self.report_name = report_shape(node)
        self.messages = [str(m) for m in graph.objects(node, SH.message)]
        self.message = self.messages[0] if self.messages else ""
        self.checks: list[Check] = []
        self.makes_results = False  # has a constraint whose results are its own (not sh:property's)
        # target nodes (terms), target classes, targetSubjectsOf and targetObjectsOf (IRIs as str)
        self.targets: tuple = ((), (), (), ())

    def validate(self, data: TripleIndex, focus) -> tuple[bool, list]:
        """(conforms, results) for one focus node, with pyshacl's conformance rules."""
        if self.deactivated:
            return True, []
        values = (focus,) if self.values is None else self.values(data, focus)
        conforms, results = True, []
        for check in self.checks:
            ok, found = check(data, focus, values)
            if found:
                results.extend(found)
                if not ok and conforms and not self.lenient and \
                        any(r.shape.severity not in ALLOWED_SEVERITIES for r in found):
                    conforms = False
        return conforms, results

    def focus_nodes(self, data: TripleIndex) -> Iterable:
        """The target nodes in the data, in a stable order and without repeats."""
        nodes, classes, subjects_of, objects_of = self.targets
        found = dict.fromkeys(nodes)
        for cls in classes:
            found.update(dict.fromkeys(data.instances(cls)))
        for p in subjects_of:
            found.update(dict.fromkeys(data.subjects_of(p)))
        for p in objects_of:
            found.update(dict.fromkeys(data.objects_of(p)))
        return found


class ShapesValidator:
    """Every shape of a shapes graph compiled; `validate(index)` runs the targeted ones.

    fired: a set to record in the constraint parameters (sh:minCount, sh:node, ...) that failed on
    some value, nested ones included (for tests of coverage; it slows validation down)."""

    def __init__(self, graph: Graph, fired: set | None = None):
        self.graph = graph
        self.fired = fired
        self.shapes: dict = {}
        self._compiling: set = set()
        self._reported: set = set()
        for node in sorted(_shape_nodes(graph), key=str):
            self.shape(node)
        self.targeted = [s for s in self.shapes.values() if any(s.targets) and not s.deactivated]
        for shape in self.targeted:
            self._mark_reported(shape)
        for shape in self.shapes.values():
            if shape.node in self._reported and shape.makes_results and len(shape.messages) != 1:
                raise UnsupportedShapeError(
                    f"shape {_name(shape.node)} has {len(shape.messages)} sh:message values: the native "
                    f"validator reports each result with the shape's one sh:message (it does not make "
                    f"pyshacl's generic messages); give it exactly one")

    def validate(self, data: TripleIndex) -> list[Finding]:
        out: list[Finding] = []
        focus_sets: dict = {}  # several shapes share their targets (the interaction classes)
        for shape in self.targeted:
            focus = focus_sets.get(shape.targets)
            if focus is None:
                focus = focus_sets[shape.targets] = shape.focus_nodes(data)
            for node in focus:
                for result in shape.validate(data, node)[1]:
                    result.findings(out)
        return sort_findings(out)

    # -- compiling
    def shape(self, node) -> Shape:
        shape = self.shapes.get(node)
        if shape is not None:
            if node in self._compiling:
                raise UnsupportedShapeError(f"shape {_name(node)} refers to itself (recursive shapes are not "
                                            f"supported)")
            return shape
        g = self.graph
        shape = self.shapes[node] = Shape(node, g)
        self._compiling.add(node)
        for predicate in sorted(set(g.predicates(node, None)), key=str):
            if predicate in NOT_COMPONENTS or not predicate.startswith(SH_NS):
                continue
            build = COMPONENTS.get(predicate)
            if build is None:
                name = "sh:" + predicate[len(SH_NS):]
                component = UNSUPPORTED_NAMES.get(predicate, f"the component of {name}")
                raise UnsupportedShapeError(
                    f"shape {_name(node)} uses {name} ({component}), which the native validator does not "
                    f"support: add it to kg/shacl_native.py, or validate with pyshacl (--validator pyshacl)")
            checks = build(self, shape, list(g.objects(node, predicate)))
            shape.makes_results |= predicate != SH.property
            if self.fired is not None:
                checks = [_recording(check, predicate, self.fired) for check in checks]
            shape.checks.extend(checks)
        classes = [str(o) for o in g.objects(node, SH.targetClass)] + ([str(node)] if _is_class(g, node) else [])
        shape.targets = (tuple(g.objects(node, SH.targetNode)), tuple(sorted(set(classes))),
                         tuple(str(o) for o in g.objects(node, SH.targetSubjectsOf)),
                         tuple(str(o) for o in g.objects(node, SH.targetObjectsOf)))
        self._compiling.discard(node)
        return shape

    def _mark_reported(self, shape: Shape) -> None:
        """Shapes whose results reach the report: targeted ones and, below them, sh:property and
        sh:node (the results of shapes under sh:not, sh:or, ... are dropped)."""
        if shape.node in self._reported:
            return
        self._reported.add(shape.node)
        for predicate in (SH.property, SH.node):
            for child in self.graph.objects(shape.node, predicate):
                self._mark_reported(self.shapes[child])


def _recording(check: Check, predicate, fired: set) -> Check:
    def recorded(data, focus, values):
        ok, found = check(data, focus, values)
        if not ok or found:
            fired.add(predicate)
        return ok, found
    return recorded


def _name(node) -> str:
    return str(node) if isinstance(node, URIRef) else f"[] (blank node {node})"


def _is_class(g: Graph, node) -> bool:
    types = set(g.objects(node, RDF.type))
    return bool(types) and (RDFS.Class in types or any(t in types for t in g.subjects(RDFS.subClassOf, RDFS.Class)))


def _shape_nodes(g: Graph) -> set:
    nodes = set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(RDF.type, SH.PropertyShape))
    for parameter in TARGET_PARAMETERS:
        nodes |= set(g.subjects(parameter, None))
    return nodes


# ----------------------------------------------------------------------------------------------
# paths
# ----------------------------------------------------------------------------------------------

def _compile_path(g: Graph, path) -> Callable:
    """A function (data, focus) -> value nodes (no duplicates) for a SHACL property path."""
    if isinstance(path, URIRef):
        key = str(path)
        return lambda data, focus: data.spo.get(focus, EMPTY).get(key, ())
    if isinstance(path, Literal):
        raise UnsupportedShapeError(f"a property path cannot be a literal: {path!r}")
    if g.value(path, RDF.first) is not None:
        steps = [_compile_path(g, step) for step in g.items(path)]
        if len(steps) < 2:
            raise UnsupportedShapeError(f"sequence path {path} has fewer than two steps")

        def sequence(data, focus):
            nodes: Iterable = (focus,)
            for step in steps:
                nodes = {v for n in nodes for v in step(data, n)}
            return nodes
        return sequence
    inverse = g.value(path, SH.inversePath)
    if inverse is not None:
        if not isinstance(inverse, URIRef):
            raise UnsupportedShapeError(f"path {path}: sh:inversePath of a complex path is not supported")
        key = str(inverse)
        return lambda data, focus: data.subjects(key, focus)
    alternatives = g.value(path, SH.alternativePath)
    if alternatives is not None:
        options = [_compile_path(g, a) for a in g.items(alternatives)]
        if len(options) < 2:
            raise UnsupportedShapeError(f"alternative path {path} has fewer than two paths")
        return lambda data, focus: {v for option in options for v in option(data, focus)}
    for predicate, include_focus, repeat in ((SH.zeroOrMorePath, True, True), (SH.oneOrMorePath, False, True),
                                             (SH.zeroOrOnePath, True, False)):
        inner = g.value(path, predicate)
        if inner is not None:
            return _closure(_compile_path(g, inner), include_focus, repeat)
    raise UnsupportedShapeError(f"unsupported property path {path}: " + ", ".join(
        f"{p} {o}" for p, o in g.predicate_objects(path)))


def _closure(step: Callable, include_focus: bool, repeat: bool) -> Callable:
    def closure(data, focus):
        found = {focus} if include_focus else set()
        todo = list(step(data, focus))
        while todo:
            node = todo.pop()
            if node not in found:
                found.add(node)
                if repeat:
                    todo.extend(step(data, node))
        return found
    return closure


# ----------------------------------------------------------------------------------------------
# constraint components: each builder returns checks (data, focus, values) -> (ok, [Result])
# ----------------------------------------------------------------------------------------------

def _per_value(shape: Shape, passes: Callable[[object], bool]) -> Check:
    """A check with one result (value = the value node) for each value node that fails."""
    def check(data, focus, values):
        failed = [Result(shape, focus, v) for v in values if not passes(v)]
        return (False, failed) if failed else OK
    return check


def _per_value_in(shape: Shape, passes: Callable[[TripleIndex, object], bool]) -> Check:
    """_per_value for tests that need the data (conformance to other shapes)."""
    def check(data, focus, values):
        failed = [Result(shape, focus, v) for v in values if not passes(data, v)]
        return (False, failed) if failed else OK
    return check


def _min_count(sv, shape, objects):
    def check(data, focus, values, n):
        return (False, [Result(shape, focus)]) if len(values) < n else OK
    return [functools.partial(check, n=int(o)) for o in objects if int(o) > 0]


def _max_count(sv, shape, objects):
    def check(data, focus, values, n):
        return (False, [Result(shape, focus)]) if len(values) > n else OK
    return [functools.partial(check, n=int(o)) for o in objects]


def _class(sv, shape, objects):
    return [_per_value_in(shape, lambda data, node, cls=str(cls): not isinstance(node, Literal) and
                          data.is_instance(node, cls)) for cls in objects]


_ACTUAL_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
                 XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: datetime.date, XSD.time: datetime.time,
                 XSD.dateTime: datetime.datetime}


def _datatype(sv, shape, objects):
    if len(objects) != 1:
        raise UnsupportedShapeError(f"shape {_name(shape.node)} needs exactly one sh:datatype")
    dt = objects[0]
    actual = _ACTUAL_TYPES.get(dt)
    # (compared once here, not for every value: rdflib makes a new term for every RDFS.Literal)
    dt_is_literal, dt_is_datatype = dt == RDFS.Literal, dt == RDFS.Datatype
    dt_is_string, dt_is_lang_string = dt == XSD.string, dt == RDF.langString

    def matches(node) -> bool:  # pyshacl's DatatypeConstraintComponent
        if not isinstance(node, Literal):
            return False
        datatype, lang = node.datatype, node.language
        if datatype == dt:
            if getattr(node, "ill_typed", None) is True:
                return False
            return actual is None or isinstance(node.value, actual)
        if dt_is_literal or (dt_is_datatype and datatype):
            return True
        if (datatype is None and lang is None and dt_is_string) or (dt_is_lang_string and lang):
            return isinstance(node.value, (str, bytes))
        return False
    return [_per_value(shape, matches)]


_NODE_KINDS = {
    SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
}


def _node_kind(sv, shape, objects):
    kinds = _NODE_KINDS.get(objects[0]) if len(objects) == 1 else None
    if kinds is None:
        raise UnsupportedShapeError(f"shape {_name(shape.node)}: sh:nodeKind {objects} is not one node kind")
    return [_per_value(shape, lambda node: isinstance(node, kinds))]


def _in(sv, shape, objects):
    if len(objects) != 1:
        raise UnsupportedShapeError(f"shape {_name(shape.node)} needs exactly one sh:in list")
    allowed = set(sv.graph.items(objects[0]))
    return [_per_value(shape, lambda node: node in allowed)]


def _has_value(sv, shape, objects):
    return [(lambda data, focus, values, wanted=wanted: OK if wanted in values else (False, [Result(shape, focus)]))
            for wanted in objects]


def _compare_literal(l1: Literal, l2: Literal) -> int:
    """pyshacl.rdfutil.compare.compare_literal (with a fast path for two integers)."""
    a, b = l1.value, l2.value
    if type(a) is int and type(b) is int:
        return (a > b) - (a < b)
    if l1.eq(l2):
        return 0
    if a.__class__ in (datetime.datetime, datetime.time):
        if a == b:
            return 0
        if a > b:
            return 1
    elif l1 > l2:
        return 1
    return -1


def _range(test: Callable[[int], bool]):
    def build(sv, shape, objects):
        out = []
        for bound in objects:
            if not isinstance(bound, Literal):
                raise UnsupportedShapeError(f"shape {_name(shape.node)}: a range bound must be a literal")
            bound_is_string = isinstance(bound.value, str)

            def passes(node, bound=bound, bound_is_string=bound_is_string) -> bool:
                if not isinstance(node, Literal) or isinstance(node.value, str) != bound_is_string:
                    return False
                try:
                    return test(_compare_literal(node, bound))
                except (TypeError, NotImplementedError):
                    return False
            out.append(_per_value(shape, passes))
        return out
    return build


_STRING_DATATYPES = (None, RDF.langString, XSD.string)


def _as_string(node) -> str:
    if isinstance(node, Literal) and node.value is not None and node.datatype in _STRING_DATATYPES:
        return str(node.value)
    return str(node)


def _length(too_short: bool):
    def build(sv, shape, objects):
        out = []
        for n in (o.value for o in objects):
            if too_short:
                out.append(_per_value(shape, lambda node, n=n: n == 0 or (
                    not isinstance(node, BNode) and len(_as_string(node)) >= n)))
            else:
                out.append(_per_value(shape, lambda node, n=n: not isinstance(node, BNode) and
                                      len(_as_string(node)) <= n))
        return out
    return build


def _pattern(sv, shape, objects):
    flags_literal = sv.graph.value(shape.node, SH.flags)
    flags = 0
    if flags_literal is not None:
        text = str(flags_literal).lower()
        flags = (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
    out = []
    for p in objects:
        regex = re.compile(str(p.value) if p.value is not None and len(p.value) > 1 else str(p), flags)
        out.append(_per_value(shape, lambda node, regex=regex: not isinstance(node, BNode) and
                              regex.search(_as_string(node)) is not None))
    return out


def _comparable(node):
    """pyshacl's sh:lessThan(OrEquals) operands: IRIs and string literals compare as strings."""
    if isinstance(node, URIRef):
        return str(node), True
    if isinstance(node, Literal) and isinstance(node.value, str):
        return node.value, True
    return node, False


def _pair(or_equal: bool):
    def build(sv, shape, objects):
        out = []
        for other in objects:
            def check(data, focus, values, other=str(other)):
                others = data.objects(focus, other)
                if not others:
                    return OK
                failed = []
                for value in set(values):
                    a, a_is_string = _comparable(value)
                    for compare in set(others):
                        b, b_is_string = _comparable(compare)
                        if isinstance(value, BNode) or isinstance(compare, BNode) or a_is_string != b_is_string \
                                or not (a <= b if or_equal else a < b):
                            failed.append(Result(shape, focus, value))
                return (False, failed) if failed else OK
            out.append(check)
        return out
    return build


def _node(sv, shape, objects):
    out = []
    for node in objects:
        nested = sv.shape(node)

        def check(data, focus, values, nested=nested):
            failed = []
            for value in values:
                ok, found = nested.validate(data, value)
                if not ok or found:
                    failed.append(Result(shape, focus, value, found))
            return (False, failed) if failed else OK
        out.append(check)
    return out


def _not(sv, shape, objects):
    return [_per_value_in(shape, lambda data, node, nested=sv.shape(o): not nested.validate(data, node)[0])
            for o in objects]


def _logical(count_test: Callable[[int, int], bool]):
    def build(sv, shape, objects):
        out = []
        for members in objects:
            nested = [sv.shape(m) for m in sv.graph.items(members)]
            if not nested:
                raise UnsupportedShapeError(f"shape {_name(shape.node)}: empty shape list")
            out.append(_per_value_in(shape, lambda data, node, nested=nested: count_test(
                sum(1 for s in nested if s.validate(data, node)[0]), len(nested))))
        return out
    return build


def _qualified(sv, shape, objects):
    g = sv.graph
    minimum = g.value(shape.node, SH.qualifiedMinCount)
    maximum = g.value(shape.node, SH.qualifiedMaxCount)
    if minimum is None and maximum is None:
        raise UnsupportedShapeError(f"shape {_name(shape.node)}: sh:qualifiedValueShape without "
                                    f"sh:qualifiedMinCount or sh:qualifiedMaxCount")
    disjoint = bool(getattr(g.value(shape.node, SH.qualifiedValueShapesDisjoint), "value", False))
    out = []
    for qualified in objects:
        nested = sv.shape(qualified)
        siblings = []
        if disjoint:
            siblings = [sv.shape(s) for parent in g.subjects(SH.property, shape.node)
                        for prop in g.objects(parent, SH.property)
                        for s in g.objects(prop, SH.qualifiedValueShape) if s != qualified]

        def check(data, focus, values, nested=nested, siblings=siblings):
            n = sum(1 for value in values if nested.validate(data, value)[0]
                    and not any(s.validate(data, value)[0] for s in siblings))
            failed = []
            if maximum is not None and n > int(maximum):
                failed.append(Result(shape, focus))
            if minimum is not None and n < int(minimum):
                failed.append(Result(shape, focus))
            return (False, failed) if failed else OK
        out.append(check)
    return out


def _property(sv, shape, objects):
    properties = [sv.shape(o) for o in objects]
    for p in properties:
        if p.values is None:
            raise UnsupportedShapeError(f"shape {_name(p.node)} is the value of sh:property but has no sh:path")

    def check(data, focus, values):
        ok, found = True, []
        for value in values:
            for p in properties:
                conforms, results = p.validate(data, value)
                ok = ok and conforms
                found.extend(results)
        return ok, found
    return [check]


COMPONENTS: dict = {
    SH.minCount: _min_count, SH.maxCount: _max_count, SH["class"]: _class, SH.datatype: _datatype,
    SH.nodeKind: _node_kind, SH["in"]: _in, SH.hasValue: _has_value,
    SH.minInclusive: _range(lambda c: c >= 0), SH.minExclusive: _range(lambda c: c > 0),
    SH.maxInclusive: _range(lambda c: c <= 0), SH.maxExclusive: _range(lambda c: c < 0),
    SH.minLength: _length(too_short=True), SH.maxLength: _length(too_short=False), SH.pattern: _pattern,
    SH.lessThan: _pair(or_equal=False), SH.lessThanOrEquals: _pair(or_equal=True),
    SH.node: _node, SH["not"]: _not, SH["or"]: _logical(lambda passed, n: passed > 0),
    SH["and"]: _logical(lambda passed, n: passed == n), SH.xone: _logical(lambda passed, n: passed == 1),
    SH.qualifiedValueShape: _qualified, SH.property: _property,
}


# ----------------------------------------------------------------------------------------------
# entry points
# ----------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def compiled_shapes() -> ShapesValidator:
    """ontology/shapes.ttl compiled (once a process); raises UnsupportedShapeError."""
    return ShapesValidator(shapes_graph())


def validate_index(data: TripleIndex, validator: ShapesValidator | None = None) -> list[Finding]:
    return (validator or compiled_shapes()).validate(data)


def validate_triples(triples: Iterable[tuple], context: ReferenceContext | None = None,
                     unique: bool = False) -> list[Finding]:
    """Findings for an article's triples plus the reference facts of the nodes they name.

    unique: the triples are known to have no repeats (ArticleTriples, an rdflib Graph)."""
    data = TripleIndex(triples, unique)
    if context is not None:
        data.add(context.facts_for(data.nodes()))
    return validate_index(data)
