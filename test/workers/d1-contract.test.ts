import { storageContract } from "../storage/storage-contract.ts";
import { freshD1Store } from "./d1-store.ts";

storageContract("D1 (workerd)", freshD1Store);
