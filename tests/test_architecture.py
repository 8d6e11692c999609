"""The phases import one way: no module imports another that imports it back (directly or not)."""

from __future__ import annotations

import grimp


def test_no_import_cycle() -> None:
    graph = grimp.build_graph("orgspec")
    cycles = [
        (module, other)
        for module in sorted(graph.modules)
        for other in sorted(graph.find_modules_directly_imported_by(module))
        if graph.chain_exists(importer=other, imported=module)
    ]
    assert cycles == []
