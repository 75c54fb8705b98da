"""Prints, as JSON, the public API of a jsii-generated Python module, read with ast (no import:
importing needs the jsii runtime from PyPI): each class with its methods (and their parameters),
static methods, properties and enum members."""
import ast
import json
import sys

tree = ast.parse(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1])
api = {}
for node in tree.body:
    if not isinstance(node, ast.ClassDef) or node.name.startswith("_"):
        continue
    cls = {"methods": {}, "staticmethods": {}, "properties": [], "members": []}
    for item in node.body:
        if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
            decorators = [ast.unparse(d) for d in item.decorator_list]
            params = [a.arg for a in item.args.args + item.args.kwonlyargs if a.arg not in ("self", "cls")]
            if "builtins.property" in decorators:
                cls["properties"].append(item.name)
            elif "builtins.classmethod" in decorators:
                cls["staticmethods"][item.name] = params
            else:
                cls["methods"][item.name] = params
        elif isinstance(item, ast.Assign) and all(isinstance(t, ast.Name) for t in item.targets):
            cls["members"] += [t.id for t in item.targets if t.id.isupper()]
    api[node.name] = cls
print(json.dumps(api))
