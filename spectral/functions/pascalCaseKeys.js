// Component names are PascalCase: they become type names in generated code.
export default function pascalCaseKeys(components, _options, context) {
  const results = [];
  for (const [type, entries] of Object.entries(components || {})) {
    for (const name of Object.keys(entries || {})) {
      if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
        results.push({ message: `Component name "${name}" must be PascalCase (letters and digits, starting upper-case).`, path: [...context.path, type, name] });
      }
    }
  }
  return results;
}
