from guside_cli.app import main

main()
