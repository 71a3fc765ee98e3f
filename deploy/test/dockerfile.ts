export interface DockerfileStage {
  name: string;
  /** The base image with global ARG defaults substituted, or the name of an earlier stage. */
  from: string;
  env: Record<string, string>;
  exposes: string[];
  /** Each COPY's arguments as written, e.g. `--from=build /out/worker /app`. */
  copies: string[];
  cmd?: string[];
}

/** The stages of a Dockerfile in the subset of the syntax deploy/Dockerfile uses (one instruction per line). */
export function parseDockerfile(text: string): DockerfileStage[] {
  const globalArgs = new Map<string, string>();
  const stages: DockerfileStage[] = [];
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  for (const line of lines) {
    const [instruction, ...rest] = line.split(/\s+/);
    const argument = rest.join(' ');
    const current = stages[stages.length - 1];
    switch (instruction.toUpperCase()) {
      case 'ARG': {
        const [name, value] = argument.split('=');
        if (!current && value !== undefined) globalArgs.set(name, value);
        break;
      }
      case 'FROM': {
        const match = /^(\S+)\s+AS\s+(\S+)$/i.exec(argument);
        if (!match) throw new Error(`every stage must be named: FROM ${argument}`);
        const from = match[1].replace(/\$\{(\w+)\}/g, (_, name: string) => globalArgs.get(name) ?? '');
        stages.push({ name: match[2], from, env: {}, exposes: [], copies: [] });
        break;
      }
      case 'ENV': {
        const [name, value] = argument.split('=');
        current.env[name] = value;
        break;
      }
      case 'COPY':
        current.copies.push(argument);
        break;
      case 'EXPOSE':
        current.exposes.push(...rest);
        break;
      case 'CMD':
        current.cmd = JSON.parse(argument) as string[];
        break;
    }
  }
  return stages;
}
