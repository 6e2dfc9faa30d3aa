// Compiles every JSON Schema (draft 2020-12) in a directory with ajv in strict mode, then validates
// every JSON file of a second directory against the schema its "type" names, and prints as JSON
// what failed.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fs from 'fs';
import path from 'path';

const [schemaDir, instanceDir] = process.argv.slice(2);
const read = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const jsonFiles = dir => fs.readdirSync(dir).filter(name => name.endsWith('.json')).sort();

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schemas = jsonFiles(schemaDir).map(name => ({ name, schema: read(path.join(schemaDir, name)) }));
schemas.forEach(({ schema }) => ajv.addSchema(schema));

const compileFailures = [];
for (const { name, schema } of schemas) {
  try {
    ajv.getSchema(schema.$id);
  } catch (failure) {
    compileFailures.push({ schema: name, error: failure.message });
  }
}
const invalid = [];
for (const name of instanceDir ? jsonFiles(instanceDir) : []) {
  const instance = read(path.join(instanceDir, name));
  const validate = ajv.getSchema(`https://sitrep.io/schemas/${instance.type}.json`);
  if (!validate) {
    invalid.push({ instance: name, errors: [`no schema for type ${instance.type}`] });
  } else if (!validate(instance)) {
    invalid.push({ instance: name, errors: validate.errors.map(error => `${error.instancePath} ${error.message}`) });
  }
}
console.log(JSON.stringify({ schemas: schemas.length, compileFailures, instances: instanceDir ? jsonFiles(instanceDir).length : 0, invalid }));
