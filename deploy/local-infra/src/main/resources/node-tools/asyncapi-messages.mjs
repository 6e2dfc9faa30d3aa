// Parses an AsyncAPI document with @asyncapi/parser, references resolved, and prints as JSON its
// errors and, for each message, what a consumer's tooling sees of its payload: the CloudEvents
// type constant, the data schema's title and the data fields.
import { Parser, fromFile } from '@asyncapi/parser';

const { document, diagnostics } = await fromFile(new Parser(), process.argv[2]).parse();
const errors = diagnostics.filter(diagnostic => diagnostic.severity === 0)
  .map(diagnostic => `${diagnostic.message} at /${diagnostic.path.join('/')}`);

function fields(schema, found = new Set()) {
  if (schema && typeof schema === 'object') {
    Object.keys(schema.properties || {}).forEach(name => found.add(name));
    (schema.allOf || []).forEach(part => fields(part, found));
  }
  return found;
}

const messages = document ? document.allMessages().all().map(message => {
  const payload = message.payload().json();
  const schema = payload.schema || payload;
  const data = (schema.properties || {}).data || {};
  return {
    id: message.id(),
    type: ((schema.properties || {}).type || {}).const || null,
    dataTitle: data.title || null,
    dataFields: [...fields(data)].sort(),
  };
}) : [];
console.log(JSON.stringify({ errors, messages }));
