"""The API's objects as typed attrs classes, under stable names.

These are the generated models (``voipbin_outdial._generated`` is private and may be reshaped
by a regeneration); import them from here. Each has ``from_dict`` and ``to_dict``. Fields the spec
does not know yet are kept in ``additional_properties``, and enum values it does not know yet are
kept as pseudo-members that compare equal to the raw string, so a newer server never makes a
response unparseable. Each also reads well (``_model.py``): a repr of the fields that are set,
an empty model (an unused ``Address()`` slot) is false, ``created_at``/``updated_at``/
``deleted_at``/``is_deleted``/``request_id`` on the API's resources, ``destinations`` on a target
and ``max_try_counts`` on an outplan.

Every model the generator writes from a schema of openapi.yaml is here, under the schema's name
(the generated package's own ``__all__``), so a new schema needs no line in this module.
"""

from ._generated import models as _generated
from ._generated.models import *  # noqa: F403 (the names of _generated.__all__)
from ._generated.types import UNSET, Unset

__all__ = [*_generated.__all__, "UNSET", "Unset"]
