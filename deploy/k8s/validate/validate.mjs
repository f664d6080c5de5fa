// Checks rendered Kubernetes manifests without a cluster: every built-in kind against the Kubernetes schema (the
// kubernetes-models validators), every operator resource against its CRD schema (crd-schemas/, MIT, see its LICENSE).
// A kind known to neither is an error: nothing passes unchecked.
//   kubectl kustomize deploy/k8s/overlays/production | node deploy/k8s/validate/validate.mjs [label]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));

// group/version/kind of each operator resource -> its schema file
const crdSchemas = {
  "kafka.strimzi.io/v1/Kafka": "kafka.strimzi.io/kafka_v1.json",
  "kafka.strimzi.io/v1/KafkaNodePool": "kafka.strimzi.io/kafkanodepool_v1.json",
  "kafka.strimzi.io/v1/KafkaTopic": "kafka.strimzi.io/kafkatopic_v1.json",
  "kafka.strimzi.io/v1/KafkaUser": "kafka.strimzi.io/kafkauser_v1.json",
  "k8s.keycloak.org/v2alpha1/Keycloak": "k8s.keycloak.org/keycloak_v2alpha1.json",
  "k8s.keycloak.org/v2alpha1/KeycloakRealmImport": "k8s.keycloak.org/keycloakrealmimport_v2alpha1.json",
  "psmdb.percona.com/v1/PerconaServerMongoDB": "psmdb.percona.com/perconaservermongodb_v1.json",
  "monitoring.coreos.com/v1/ServiceMonitor": "monitoring.coreos.com/servicemonitor_v1.json",
};

// the CRD schemas carry Kubernetes' own keywords (x-kubernetes-*) and formats; they are annotations here
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const format of ["int32", "int64", "int-or-string", "quantity", "byte"]) {
  ajv.addFormat(format, true);
}
const compiled = new Map();
function crdValidator(key) {
  if (!compiled.has(key)) {
    compiled.set(key, ajv.compile(JSON.parse(readFileSync(join(here, "crd-schemas", crdSchemas[key]), "utf8"))));
  }
  return compiled.get(key);
}

// apps/v1 -> kubernetes-models/apps/v1, v1 -> kubernetes-models/v1
async function builtInModel(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind];
  } catch {
    return undefined;
  }
}

function describe(errors) {
  return errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
}

const label = process.argv[2] ?? "stdin";
const text = readFileSync(0, "utf8");
const problems = [];
let checked = 0;
for (const document of parseAllDocuments(text)) {
  if (document.errors.length > 0) {
    problems.push(`YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const resource = document.toJSON();
  if (resource == null) continue;
  const { apiVersion, kind } = resource;
  const name = `${kind ?? "?"} ${resource.metadata?.name ?? "?"}`;
  const key = `${apiVersion}/${kind}`;
  checked++;
  if (crdSchemas[key]) {
    const validate = crdValidator(key);
    if (!validate(resource)) {
      problems.push(`${name} (${key}, CRD schema): ${describe(validate.errors).join("; ")}`);
    }
    continue;
  }
  const Model = await builtInModel(apiVersion, kind);
  if (!Model) {
    problems.push(`${name}: ${key} is neither a built-in kind nor an operator resource with a schema here`);
    continue;
  }
  try {
    new Model(resource).validate();
  } catch (e) {
    problems.push(`${name} (${key}): ${e.message.split("\n").slice(0, 6).join(" ")}`);
  }
}

for (const problem of problems) console.log(`INVALID ${problem}`);
console.log(`${label}: ${checked - problems.length} valid, ${problems.length} invalid`);
process.exit(problems.length === 0 && checked > 0 ? 0 : 1);
