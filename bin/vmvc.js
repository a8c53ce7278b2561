#!/usr/bin/env node
import { main } from "../dist/vmvc.js";

main();
