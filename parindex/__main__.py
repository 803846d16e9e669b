from parindex.cli.main import main

raise SystemExit(main())
