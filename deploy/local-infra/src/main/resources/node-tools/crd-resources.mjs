// Validates Kubernetes custom resources against the OpenAPI v3 schemas of their CustomResourceDefinitions
// with ajv, as an API server with strict field validation does: besides types, enums, patterns and
// required fields, a field that a schema does not declare is an error (the server would drop it
// silently), unless the schema keeps unknown fields (x-kubernetes-preserve-unknown-fields). The CEL
// rules (x-kubernetes-validations) are not evaluated. Reads one JSON file,
// {"definitions": [<CRD>...], "resources": [<resource>...]}, and prints as JSON what failed.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'fs';

const { definitions, resources } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

const ajv = new Ajv({ strictSchema: true, strictTypes: false, strictRequired: false, allErrors: true });
addFormats(ajv);
// OpenAPI's "example" and Kubernetes' own keywords: hints for people and the server, no constraints on a
// resource but the first two, which close() applies.
for (const keyword of ['example', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type', 'x-kubernetes-validations']) {
  ajv.addKeyword(keyword);
}

/** The schema as the server applies it: objects closed to undeclared fields, int-or-string as such. */
function close(schema, isRoot) {
  if (schema === null || typeof schema !== 'object') {
    return;
  }
  if (schema.format && !ajv.formats[schema.format]) {
    // A format Kubernetes names but does not check (such as "quantity"), as the server does.
    ajv.addFormat(schema.format, true);
  }
  if (schema['x-kubernetes-int-or-string'] && !schema.type && !schema.anyOf) {
    schema.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (schema.type === 'object' && !schema['x-kubernetes-preserve-unknown-fields']
      && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    // The server checks metadata as every object's ObjectMeta, whatever a CRD says of it.
    if (!(isRoot && name === 'metadata')) {
      close(property, false);
    }
  }
  for (const key of ['items', 'additionalProperties', 'not']) {
    close(schema[key], false);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    (schema[key] ?? []).forEach(alternative => close(alternative, false));
  }
}

const validators = new Map();
for (const definition of definitions) {
  for (const version of definition.spec.versions) {
    const schema = structuredClone(version.schema.openAPIV3Schema);
    close(schema, true);
    schema.properties.metadata = { type: 'object', required: ['name'] };
    validators.set(`${definition.spec.group}/${version.name} ${definition.spec.names.kind}`, ajv.compile(schema));
  }
}

const invalid = [];
for (const resource of resources) {
  const key = `${resource.apiVersion} ${resource.kind}`;
  const validate = validators.get(key);
  const name = `${key} ${resource.metadata?.name}`;
  if (!validate) {
    invalid.push({ resource: name, errors: ['no CustomResourceDefinition serves it'] });
  } else if (!validate(resource)) {
    invalid.push({ resource: name, errors: validate.errors.map(error =>
      `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`) });
  }
}
console.log(JSON.stringify({ validated: resources.length, invalid }));
