// Deliberately breaks the layer rules: an adapter speaking HTTP.
import { route } from "../../http/route.ts";

export const store: unknown[] = [route];
