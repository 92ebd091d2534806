import { main } from '../simulator/cli';

process.exitCode = main(process.argv.slice(2));
