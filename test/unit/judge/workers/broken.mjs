// A judge worker that cannot even start.
process.exit(4);
