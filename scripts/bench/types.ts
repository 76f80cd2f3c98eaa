// The shapes the benchmark's measures share: the run's settings, one row of the table, and the run
// every measure reports into (rows in table order, and what could not be measured).
export interface Settings {
  quick: boolean;
  sizes: number[];
  activities: number;
  rounds: number;
  loadSeconds: number;
  annexRequests: number;
}

export interface Row {
  row: string;
  product: string;
  floor: string;
  ratio: string;
  target: string;
  pass: boolean | null;
  notes: string;
  data?: unknown;
}

export interface Run {
  settings: Settings;
  temp: string;
  results: Row[];
  unmeasured: string[];
  log: (line: string) => void;
}
