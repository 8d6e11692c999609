from orgspec.cli import main

main()
