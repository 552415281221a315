// Checks Kubernetes objects against JSON schemas generated from the Kubernetes OpenAPI document
// (kubernetes-models) and from the prometheus-operator CRDs (@kubernetes-models/prometheus-operator):
// types, required fields, formats (int32, ...) and the CRDs' patterns and enums.
//
//   node deploy/validate/validate.mjs objects.json
//
// objects.json: a JSON array of Kubernetes objects. Prints one line per problem and exits 1 when there
// is any (an apiVersion/kind without a schema is a problem too), else prints how many passed.
// Unknown fields are not caught here (the schemas allow them); ManifestsTest catches those.
import { readFileSync } from "node:fs";

const PACKAGES = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

function modulePath(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const pkg = PACKAGES[group] ?? "kubernetes-models";
  return group === "" ? `${pkg}/${version}/${kind}` : `${pkg}/${group}/${version}/${kind}`;
}

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
let problems = 0;
for (const [index, object] of objects.entries()) {
  const { apiVersion, kind } = object ?? {};
  const label = `${kind ?? "?"}/${object?.metadata?.name ?? "#" + index}`;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    console.log(`${label}: apiVersion and kind must be strings`);
    problems++;
    continue;
  }
  let Model;
  try {
    Model = (await import(modulePath(apiVersion, kind)))[kind];
  } catch (e) {
    Model = undefined;
  }
  if (typeof Model !== "function") {
    console.log(`${label}: no schema for ${apiVersion} ${kind}`);
    problems++;
    continue;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    const lines = new Set();
    for (const error of e.errors ?? [{ instancePath: "", message: e.message }]) {
      const params = ["enum", "pattern", "format"].includes(error.keyword) ? " " + JSON.stringify(error.params) : "";
      lines.add(`${label}: ${error.instancePath || "/"} ${error.message}${params}`);
    }
    for (const line of lines) {
      console.log(line);
      problems++;
    }
  }
}
if (problems > 0) {
  process.exit(1);
}
console.log(`${objects.length} objects valid`);
