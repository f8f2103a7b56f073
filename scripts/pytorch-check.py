"""Runs exported mask snippets and prints the masks they define, for `npm run test:pytorch`.

Usage: python3 scripts/pytorch-check.py MANIFEST.json [SHIM_DIR]

MANIFEST.json is a list of {"name": ..., "path": ...}. Each snippet file is run on its own, as a
script (fresh globals, __name__ == "__main__"), and must define `mask`. With SHIM_DIR, that
directory comes first on sys.path (the JAX snippets run with NumPy standing in for jax.numpy).

Prints one JSON object to stdout:
  {"python": version, "torch": version or null,
   "results": {name: {"shape": [...], "dtype": "...", "values": [0/1, ...]} or {"error": traceback}}}
"""
import json
import sys
import traceback


def as_list(mask):
    """The mask as a flat list of 0/1 (row-major), with its shape and dtype."""
    try:
        import torch

        if isinstance(mask, torch.Tensor):
            return list(mask.shape), str(mask.dtype), mask.reshape(-1).to(torch.uint8).tolist()
    except ImportError:
        pass
    import numpy as np

    array = np.asarray(mask)
    return list(array.shape), str(array.dtype), array.reshape(-1).astype(np.uint8).tolist()


def main():
    manifest_path = sys.argv[1]
    if len(sys.argv) > 2:
        sys.path.insert(0, sys.argv[2])
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    try:
        import torch

        torch_version = torch.__version__
    except ImportError:
        torch_version = None
    results = {}
    for entry in manifest:
        try:
            with open(entry["path"], encoding="utf-8") as f:
                source = f.read()
            scope = {"__name__": "__main__", "__file__": entry["path"]}
            exec(compile(source, entry["path"], "exec"), scope)
            if "mask" not in scope:
                raise NameError("the snippet does not define `mask`")
            shape, dtype, values = as_list(scope["mask"])
            results[entry["name"]] = {"shape": shape, "dtype": dtype, "values": values}
        except Exception:  # noqa: BLE001 - report every failure to the test, snippet by snippet
            results[entry["name"]] = {"error": traceback.format_exc()}
    json.dump({"python": sys.version.split()[0], "torch": torch_version, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
