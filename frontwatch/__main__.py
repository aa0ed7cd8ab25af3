from frontwatch.cli import main

main()
