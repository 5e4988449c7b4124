// Paths: /v1/ prefix, {camelCase} templates, no trailing slash, no Express-style :param.
export default function pathShape(path) {
  if (typeof path !== 'string') return [];
  const problems = [];
  if (!path.startsWith('/v1/')) problems.push('must start with /v1/');
  if (path.length > 1 && path.endsWith('/')) problems.push('must not end with a slash');
  if (/\/:[A-Za-z_]/.test(path)) problems.push('must use {param} templates, not Express-style :param');
  for (const [, name] of path.matchAll(/\{([^}]*)\}/g)) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(name)) problems.push(`template {${name}} must be camelCase`);
  }
  return problems.map((problem) => ({ message: `Path "${path}" ${problem}.` }));
}
