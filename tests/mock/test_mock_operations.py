"""The mock serves every operation of openapi.yaml by one handler, at the spec's method and path.

A handler is registered in voipbin_outdial/testing/_operations.py under its operationId; its
route is read off the generated client (testing/_spec.py). These fail when an operation of the
spec has no handler, or a handler no operation.
"""

from __future__ import annotations

from mock_support import operations

from voipbin_outdial.testing._app import routes
from voipbin_outdial.testing._operations import HANDLERS


def test_every_operation_has_one_handler() -> None:
    spec_ops = set(operations())

    assert sorted(spec_ops - set(HANDLERS)) == [], "operations without a handler in _operations"
    assert sorted(set(HANDLERS) - spec_ops) == [], "handlers of operations not in openapi.yaml"


def test_each_handler_is_served_at_its_operations_method_and_path() -> None:
    served = {
        operation_id: (method, path)
        for path, methods in routes().items()
        for method, operation_id in methods.items()
    }

    assert served == {op: (method, path) for op, (method, path, _) in operations().items()}
