<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>BlockInputValidator</name>
    <message>
        <location filename="../../ui/reservations/blockinput.cpp" line="+39"/>
        <source>Required: a whole number from 1 to %1.</source>
        <translation>Obrigatório: um número inteiro de 1 a %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 contains a space; allowed: the digits 0–9 only.</source>
        <translation>%1 contém um espaço; permitido: apenas os dígitos 0–9.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 uses digits other than 0–9; allowed: the digits 0–9 only.</source>
        <translation>%1 usa dígitos diferentes de 0–9; permitido: apenas os dígitos 0–9.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is hexadecimal; allowed: a decimal number from 1 to %2.</source>
        <translation>%1 é hexadecimal; permitido: um número decimal de 1 a %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has a sign; allowed: a number from 1 to %2 without a sign.</source>
        <translation>%1 tem sinal; permitido: um número de 1 a %2 sem sinal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is out of range; allowed: 1–%2.</source>
        <translation>%1 está fora do intervalo; permitido: 1–%2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a whole decimal number; allowed: the digits 0–9 only.</source>
        <translation>%1 não é um número decimal inteiro; permitido: apenas os dígitos 0–9.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Start port 0 is not allowed: a persistent block cannot start at 0; allowed: 1–65535.</source>
        <translation>A porta inicial 0 não é permitida: um bloco persistente não pode começar em 0; permitido: 1–65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start port %1 is out of range; allowed: 1–65535.</source>
        <translation>A porta inicial %1 está fora do intervalo; permitido: 1–65535.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>End port %1 is out of range; allowed: 1–65535.</source>
        <translation>A porta final %1 está fora do intervalo; permitido: 1–65535.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count %1 is out of range; allowed: 1–65535 ports.</source>
        <translation>A quantidade %1 está fora do intervalo; permitido: 1–65535 portas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The block would end at %1, before it starts at %2; allowed: %2–65535.</source>
        <translation>O bloco terminaria em %1, antes do seu início em %2; permitido: %2–65535.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The block %1–%2 runs past port 65535; allowed: at most %3 ports from %1.</source>
        <translation>O bloco %1–%2 ultrapassa a porta 65535; permitido: no máximo %3 portas a partir de %1.</translation>
    </message>
</context>
<context>
    <name>Elevation</name>
    <message>
        <location filename="../../ui/elevation.cpp" line="+30"/>
        <source>Close Portolan, then right-click it and choose &quot;Run as administrator&quot;.</source>
        <translation>Feche o Portolan, clique nele com o botão direito e escolha &quot;Executar como administrador&quot;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close Portolan and start it again as root, for example with &quot;sudo -E portolan&quot; (or pkexec).</source>
        <translation>Feche o Portolan e inicie-o de novo como root, por exemplo com &quot;sudo -E portolan&quot; (ou pkexec).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The simulated machine decides: start Portolan with a scenario that says &quot;elevated&quot;: true (or a state file of such a machine).</source>
        <translation>Quem decide é a máquina simulada: inicie o Portolan com um cenário que contenha &quot;elevated&quot;: true (ou com o arquivo de estado de uma máquina assim).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Creating and deleting reservations needs root, and Portolan is not running as root: the system will refuse with EACCES/EPERM.</source>
        <translation>Criar e excluir reservas exige root, e o Portolan não está sendo executado como root: o sistema recusará com EACCES/EPERM.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating and deleting reservations needs an elevated administrator, and Portolan is not running elevated: Windows will refuse with ERROR_ACCESS_DENIED (5).</source>
        <translation>Criar e excluir reservas exige privilégios de administrador (elevação), e o Portolan não está sendo executado com elevação: o Windows recusará com ERROR_ACCESS_DENIED (5).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not root</source>
        <translation>não é root</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elevated</source>
        <translation>com elevação</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not elevated</source>
        <translation>sem elevação</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This process may create and delete persistent reservations.</source>
        <translation>Este processo pode criar e excluir reservas persistentes.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Restart as administrator</source>
        <translation>Reiniciar como administrador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Portolan was not restarted.</source>
        <translation>O Portolan não foi reiniciado.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Use File &gt; Restart as administrator, or: %1</source>
        <translation>Use Arquivo &gt; Reiniciar como administrador, ou: %1</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <location filename="../../ui/errorpresenter.cpp" line="+36"/>
        <source>Needs elevation</source>
        <translation>Requer elevação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid value</source>
        <translation>Valor inválido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Conflito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>Não encontrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not supported here</source>
        <translation>Sem suporte aqui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out</source>
        <translation>Tempo esgotado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted</source>
        <translation>Interrompido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unavailable</source>
        <translation>Indisponível</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File error</source>
        <translation>Erro de arquivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Internal error</source>
        <translation>Erro interno</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run Portolan as an administrator (Windows: an elevated process; Linux: root) and try again.</source>
        <translation>Execute o Portolan como administrador (Windows: um processo com elevação; Linux: root) e tente novamente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct the value named in the message and try again.</source>
        <translation>Corrija o valor indicado na mensagem e tente novamente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose another block, or stop what holds these ports first.</source>
        <translation>Escolha outro bloco ou primeiro pare o que está ocupando essas portas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the protocol, start and count: they must match the reservation exactly.</source>
        <translation>Verifique o protocolo, o início e a quantidade: devem corresponder exatamente à reserva.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This system cannot do it; use a backend or machine that can.</source>
        <translation>Este sistema não pode fazer isso; use um backend ou uma máquina que possa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing more was done; start it again when ready.</source>
        <translation>Nada mais foi feito; inicie novamente quando estiver pronto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system did not answer in time; try again.</source>
        <translation>O sistema não respondeu a tempo; tente novamente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The call was interrupted; try again.</source>
        <translation>A chamada foi interrompida; tente novamente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the network stack is up and try again.</source>
        <translation>Verifique se a pilha de rede está ativa e tente novamente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the file named in the message and its permissions.</source>
        <translation>Verifique o arquivo indicado na mensagem e as permissões dele.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a bug in Portolan; please report it.</source>
        <translation>Isto é um bug do Portolan; por favor, relate-o.</translation>
    </message>
</context>
<context>
    <name>ExplanationText</name>
    <message>
        <location filename="../../ui/diagnose/explanationtext.cpp" line="+40"/>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>WSL 2 port forwarding and container NAT</source>
        <translation>o encaminhamento de portas do WSL 2 e o NAT dos contêineres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hyper-V virtual switches, WSL 2 and container networking</source>
        <translation>os comutadores virtuais do Hyper-V, o WSL 2 e a rede dos contêineres</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A bind to %1 succeeds: nothing holds the port.</source>
        <translation>O bind em %1 funciona: nada mantém a porta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bind to %1 succeeds now, but the port lies inside the dynamic range %2: any outgoing connection may take it, and services such as WinNAT and HNS reserve blocks from this range at boot.</source>
        <translation>O bind em %1 funciona agora, mas a porta está dentro do intervalo dinâmico %2: qualquer conexão de saída pode tomá-la, e serviços como WinNAT e HNS reservam blocos desse intervalo na inicialização.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A bind to %1 is forbidden%2: the persistent reservation %3 covers it.</source>
        <translation>O bind em %1 é proibido%2: a reserva persistente %3 a cobre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bind to %1 is forbidden%2: the runtime reservation %3 covers it.</source>
        <translation>O bind em %1 é proibido%2: a reserva em tempo de execução %3 a cobre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is held by %1.</source>
        <translation>Ela é mantida por %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is held by %1 (evidence: %2).</source>
        <translation>Ela é mantida por %1 (evidência: %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No process listens there, so netstat shows nothing.</source>
        <translation>Nenhum processo escuta ali, por isso o netstat não mostra nada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A bind to %1 fails%2: the port is in use; the system does not say by which process.</source>
        <translation>O bind em %1 falha%2: a porta está em uso; o sistema não diz por qual processo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A bind to %1 fails%2: %3 uses the port.</source>
        <translation>O bind em %1 falha%2: %3 usa a porta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A bind to %1 is refused%2 although no reservation covers it: a socket of another account, or an exclusive one, holds the port.</source>
        <translation>O bind em %1 é recusado%2 embora nenhuma reserva a cubra: um soquete de outra conta, ou um exclusivo, mantém a porta.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A bind to %1 fails%2.</source>
        <translation>O bind em %1 falha%2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use port %1 instead: the nearest port outside every reservation, listener and the dynamic range (a bind probe confirmed it).</source>
        <translation>Use a porta %1: a mais próxima fora de toda reserva, processo em escuta e do intervalo dinâmico (uma sondagem de bind confirmou).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pin port %1 with a persistent reservation (%2).</source>
        <translation>Fixe a porta %1 com uma reserva persistente (%2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pin port %1 with a persistent reservation made while %2 is stopped (%3).</source>
        <translation>Fixe a porta %1 com uma reserva persistente feita enquanto %2 está parado (%3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move the dynamic range back to Windows&apos; default %1 (%2).</source>
        <translation>Volte o intervalo dinâmico ao padrão do Windows %1 (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop %1 (%2).</source>
        <translation>Pare %1 (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop %1.</source>
        <translation>Pare %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the persistent reservation %1 (%2).</source>
        <translation>Exclua a reserva persistente %1 (%2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Costs a change of the program&apos;s port setting; nothing on the system changes.</source>
        <translation>Custa mudar a porta configurada no programa; nada muda no sistema.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The port stays reserved across reboots; no other program gets it.</source>
        <translation>A porta fica reservada entre reinicializações; nenhum outro programa a recebe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops %1 for a moment; it is started again and takes its blocks elsewhere.</source>
        <translation>Para %1 por um momento; ele é iniciado de novo e toma seus blocos em outro lugar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stops %1 for a moment, which breaks %2 while it is down; it is started again and takes its blocks elsewhere.</source>
        <translation>Para %1 por um momento, o que interrompe %2 enquanto ele estiver parado; ele é iniciado de novo e toma seus blocos em outro lugar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Services take their blocks again at the next boot, so blocks move then.</source>
        <translation>Os serviços tomam seus blocos de novo na próxima inicialização, e então os blocos mudam de lugar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Breaks what depends on it until it is started again, and it may take the port back then.</source>
        <translation>Interrompe o que depende dele até que seja iniciado de novo, e ele pode retomar a porta então.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breaks %1 until it is started again, and it may take the port back then.</source>
        <translation>Interrompe %1 até que seja iniciado de novo, e ele pode retomar a porta então.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whatever that program serves stops.</source>
        <translation>O que esse programa atende deixa de funcionar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whoever made the reservation loses the port.</source>
        <translation>Quem fez a reserva perde a porta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Needs an elevated administrator.</source>
        <translation>Requer privilégios de administrador.</translation>
    </message>
</context>
<context>
    <name>Explanations</name>
    <message>
        <location filename="../../model/services/explanations.cpp" line="+43"/>
        <source>Associating a socket with a persistent reservation needs an elevated administrator.</source>
        <translation>Associar um soquete a uma reserva persistente exige privilégios de administrador (elevação).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system refused the access: run the console elevated.</source>
        <translation>O sistema recusou o acesso: execute o console com elevação.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The block overlaps a persistent reservation or ports in use.</source>
        <translation>O bloco se sobrepõe a uma reserva persistente ou a portas em uso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another socket is already bound to this port.</source>
        <translation>Outro soquete já está vinculado (bind) a esta porta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A port of the block is in use, or the block overlaps an existing reservation: Windows does not say which.</source>
        <translation>Uma porta do bloco está em uso, ou o bloco se sobrepõe a uma reserva existente: o Windows não diz qual dos dois.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an elevated administrator may change persistent reservations: restart the console elevated.</source>
        <translation>Só um administrador com elevação pode alterar reservas persistentes: reinicie o console com elevação.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no persistent reservation with exactly this start and count (it may have been deleted, or was made with another count).</source>
        <translation>Não há reserva persistente com exatamente este início e esta quantidade (ela pode ter sido excluída ou criada com outra quantidade).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The start or count is 0, or the block runs past port 65535.</source>
        <translation>O início ou a quantidade é 0, ou o bloco ultrapassa a porta 65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address is not one of this machine&apos;s.</source>
        <translation>O endereço não pertence a esta máquina.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token does not name a reservation this socket may use, or the socket is already bound.</source>
        <translation>O token não identifica uma reserva que este soquete possa usar, ou o soquete já está vinculado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The socket is already bound, or the block it is associated with is exhausted.</source>
        <translation>O soquete já está vinculado, ou o bloco ao qual está associado está esgotado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system rejected an argument of the call.</source>
        <translation>O sistema rejeitou um argumento da chamada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port reservations apply only to TCP and UDP sockets.</source>
        <translation>Reservas de portas se aplicam apenas a soquetes TCP e UDP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No free block of that size was left.</source>
        <translation>Não restou nenhum bloco livre desse tamanho.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The socket is gone (closed, or the machine restarted).</source>
        <translation>O soquete não existe mais (foi fechado, ou a máquina foi reiniciada).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This combination of address family, socket type and protocol is not supported.</source>
        <translation>Esta combinação de família de endereços, tipo de soquete e protocolo não é suportada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The operation needs elevation.</source>
        <translation>A operação exige elevação.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This system or backend cannot do this.</source>
        <translation>Este sistema ou backend não pode fazer isso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call took too long.</source>
        <translation>A chamada demorou demais.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Free: the bind succeeded.</source>
        <translation>Livre: o bind foi bem-sucedido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In use: another socket is bound to this port.</source>
        <translation>Em uso: outro soquete está vinculado a esta porta.</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>The bind was refused: a reservation covers this port (Hyper-V, WinNAT, WSL, Docker…), or a socket of another account, or an exclusive one, holds it.</source>
        <translation>O bind foi recusado: uma reserva cobre esta porta (Hyper-V, WinNAT, WSL, Docker…), ou um socket de outra conta, ou um exclusivo, a mantém.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Denied: a socket of another account, or one bound with SO_EXCLUSIVEADDRUSE, holds this port. Stop that program or choose another port; no reservation is involved.</source>
        <translation>Negada: um socket de outra conta, ou um vinculado com SO_EXCLUSIVEADDRUSE, mantém esta porta. Encerre esse programa ou escolha outra porta; nenhuma reserva está envolvida.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forbidden: a reservation covers this port (Hyper-V, WinNAT…), although nothing may be listening there. Choose a port outside the block, or stop its owner and pin the port with a persistent reservation.</source>
        <translation>Proibida: uma reserva cobre esta porta (Hyper-V, WinNAT…), embora talvez nada escute nela. Escolha uma porta fora do bloco, ou pare o dono dele e fixe a porta com uma reserva persistente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forbidden: the system refused the bind (a reservation, or a privileged port).</source>
        <translation>Proibida: o sistema recusou o bind (uma reserva, ou uma porta privilegiada).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bind failed for another reason.</source>
        <translation>O bind falhou por outro motivo.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Access denied</source>
        <translation>Acesso negado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid argument</source>
        <translation>Argumento inválido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflict</source>
        <translation>Conflito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found</source>
        <translation>Não encontrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsupported</source>
        <translation>Sem suporte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeout</source>
        <translation>Tempo esgotado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interrupted</source>
        <translation>Interrompido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable</source>
        <translation>Indisponível</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I/O error</source>
        <translation>Erro de E/S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Internal error</source>
        <translation>Erro interno</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>created</source>
        <translation>criada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>looked up</source>
        <translation>consultada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>discovered</source>
        <translation>descoberta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>imported</source>
        <translation>importada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>ausente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unverified</source>
        <translation>não verificada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>create</source>
        <translation>criar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delete</source>
        <translation>excluir</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+36"/>
        <source>lookup</source>
        <translation>consultar</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>acquire and release</source>
        <translation>adquirir e liberar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lookup and associate</source>
        <translation>consultar e associar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>acquire, associate and bind</source>
        <translation>adquirir, associar e fazer bind</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>bind probe</source>
        <translation>sondagem de bind</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>scan</source>
        <translation>varredura</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>open socket</source>
        <translation>abrir soquete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>acquire</source>
        <translation>adquirir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>associate</source>
        <translation>associar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bind</source>
        <translation>bind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>getsockname</source>
        <translation>getsockname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>release</source>
        <translation>liberar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close</source>
        <translation>fechar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ports</source>
        <translation>portas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>free</source>
        <translation>livre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in use</source>
        <translation>em uso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>denied</source>
        <translation>negada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forbidden</source>
        <translation>proibida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>other</source>
        <translation>outro</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>any %n port(s)</source>
        <translation>
            <numerusform>qualquer %n porta</numerusform>
            <numerusform>quaisquer %n portas</numerusform>
        </translation>
    </message>
    <message>
        <location line="-176"/>
        <source>The block overlaps %1, held by %2: choose ports outside it, or stop its owner.</source>
        <translation>O bloco se sobrepõe a %1, mantido por %2: escolha portas fora dele ou pare o seu dono.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No port of the reserved block is free: %1 is held by %2. Stop it, or reserve a larger block.</source>
        <translation>Nenhuma porta do bloco reservado está livre: %1 é mantida por %2. Pare esse processo ou reserve um bloco maior.</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>dynamic range</source>
        <translation>intervalo dinâmico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>protect</source>
        <translation>proteger</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <location filename="../../app/portolan/exportcommand.cpp" line="+61"/>
        <source>could not open the backend: %1</source>
        <translation>não foi possível abrir o backend: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The machine could not be asked: %1</source>
        <translation>Não foi possível consultar a máquina: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Wrote the %1 report of %2 (%3 reservations) to %4</source>
        <translation>Relatório %1 de %2 (%3 reservas) gravado em %4</translation>
    </message>
</context>
<context>
    <name>FleetReport</name>
    <message>
        <location filename="../../model/fleet/fleetreport.cpp" line="+26"/>
        <source>persistent</source>
        <translation>persistente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>runtime</source>
        <translation>em tempo de execução</translation>
    </message>
    <message numerus="yes">
        <location line="+84"/>
        <source>Generated %1; %n host(s).</source>
        <translation>
            <numerusform>Gerado em %1; %n host.</numerusform>
            <numerusform>Gerado em %1; %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OS</source>
        <translation>SO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last gathered</source>
        <translation>Última coleta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Persistent</source>
        <translation>Persistentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runtime</source>
        <translation>Em tempo de execução</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 %2, gathered %3</source>
        <translation>%1 %2, coletado em %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>Dono</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <location filename="../../app/portolan/importcommand.cpp" line="+50"/>
        <source>Nothing was imported.</source>
        <translation>Nada foi importado.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 applies to reports only; a host snapshot names its own host and protocols</source>
        <translation>%1 vale apenas para relatórios; um snapshot de host informa o próprio host e os protocolos</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: schema: not a host snapshot; allowed: &quot;portolan-host-snapshot&quot; (reports are imported one file at a time)</source>
        <translation>%1: schema: não é um snapshot de host; permitido: &quot;portolan-host-snapshot&quot; (relatórios são importados um arquivo por vez)</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>Imported %n host snapshot(s)</source>
        <translation>
            <numerusform>Importado %n snapshot de host</numerusform>
            <numerusform>Importados %n snapshots de host</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> of %n host(s)</source>
        <translation>
            <numerusform> de %n host</numerusform>
            <numerusform> de %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>; %n already stored.</source>
        <translation>
            <numerusform>; %n já estava armazenado.</numerusform>
            <numerusform>; %n já estavam armazenados.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new</source>
        <translation>novo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already stored</source>
        <translation>já armazenado</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--import FILE is required</source>
        <translation>--import ARQUIVO é obrigatório</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>persistent</source>
        <translation>persistente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>runtime (not stored)</source>
        <translation>em tempo de execução (não armazenada)</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <location filename="../../model/import/importer.cpp" line="+35"/>
        <source>the heading names the protocol %1, but %2 was asked for</source>
        <translation>o cabeçalho indica o protocolo %1, mas foi pedido %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the text does not name its protocol (tcp or udp): give it with --protocol</source>
        <translation>o texto não indica o protocolo (tcp ou udp): informe-o com --protocol</translation>
    </message>
    <message>
        <location filename="../../model/import/jsonimport.cpp" line="+82"/>
        <location line="+46"/>
        <location line="+16"/>
        <location line="+86"/>
        <location line="+87"/>
        <source>%1: missing</source>
        <translation>%1: ausente</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>%1: expected a whole number</source>
        <translation>%1: esperava-se um número inteiro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 is out of range; allowed: %3-%4</source>
        <translation>%1: %2 está fora do intervalo; permitido: %3-%4</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>line 1: expected a JSON object as portolan-cli --json list prints it</source>
        <translation>linha 1: esperava-se um objeto JSON como o que portolan-cli --json list imprime</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>command: only the output of “portolan-cli --json list” can be imported (this is “%1”)</source>
        <translation>command: só a saída de “portolan-cli --json list” pode ser importada (esta é de “%1”)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ok: expected true or false</source>
        <translation>ok: esperava-se true ou false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ok: the report is of a command that failed; it lists no reservations</source>
        <translation>ok: o relatório é de um comando que falhou; ele não lista reservas</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>host: expected a string</source>
        <translation>host: esperava-se uma string</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reservations: missing</source>
        <translation>reservations: ausente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reservations: expected an array</source>
        <translation>reservations: esperava-se um array</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+193"/>
        <source>reservations[%1]: expected an object</source>
        <translation>reservations[%1]: esperava-se um objeto</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>%1: expected &quot;tcp&quot; or &quot;udp&quot;</source>
        <translation>%1: esperava-se &quot;tcp&quot; ou &quot;udp&quot;</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1: missing (or give %2)</source>
        <translation>%1: ausente (ou informe %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 comes before the start %3</source>
        <translation>%1: %2 vem antes do início %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 does not match start %3 and end %4</source>
        <translation>%1: %2 não corresponde ao início %3 e ao fim %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>reservations[%1].%2</source>
        <translation>reservations[%1].%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: expected true or false</source>
        <translation>%1: esperava-se true ou false</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: expected a decimal number</source>
        <translation>%1: esperava-se um número decimal</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>%1: expected a string</source>
        <translation>%1: esperava-se uma string</translation>
    </message>
    <message>
        <location line="+122"/>
        <location line="+98"/>
        <source>%1: missing, and the document names no host: give it with --host</source>
        <translation>%1: ausente, e o documento não indica o host: informe-o com --host</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>%1: %2 does not match start %3 and count %4</source>
        <translation>%1: %2 não corresponde ao início %3 e à quantidade %4</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1: “%2” is not a time with its offset; expected e.g. 2025-03-10T08:15:00.000Z</source>
        <translation>%1: “%2” não é um horário com fuso; esperava-se, p. ex., 2025-03-10T08:15:00.000Z</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: “%2” falls outside the years 1 to 9999 in UTC; allowed: 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z</source>
        <translation>%1: “%2” fica fora dos anos 1 a 9999 em UTC; permitido: 0001-01-01T00:00:00.000Z a 9999-12-31T23:59:59.999Z</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>version: missing</source>
        <translation>version: ausente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version: expected a whole number</source>
        <translation>version: esperava-se um número inteiro</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1: expected true (the inventory holds persistent reservations only)</source>
        <translation>%1: esperava-se true (o inventário guarda apenas reservas persistentes)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: expected a decimal number in a string, or null</source>
        <translation>%1: esperava-se um número decimal em uma string, ou null</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: “%2” is not a source; allowed: created, looked-up, discovered, imported</source>
        <translation>%1: “%2” não é uma origem; permitido: created, looked-up, discovered, imported</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: “%2” is not a state; allowed: present, missing, unverified</source>
        <translation>%1: “%2” não é um estado; permitido: present, missing, unverified</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>runtimeBlocks: expected an array</source>
        <translation>runtimeBlocks: esperava-se um array</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>runtimeBlocks[%1]: expected an object</source>
        <translation>runtimeBlocks[%1]: esperava-se um objeto</translation>
    </message>
    <message>
        <location filename="../../model/import/importer.cpp" line="+58"/>
        <source>format: expected &quot;%1&quot; (a report exported by Portolan)</source>
        <translation>format: esperava-se &quot;%1&quot; (um relatório exportado pelo Portolan)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1: não pode ser lido: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not import the reservations</source>
        <translation>Não foi possível importar as reservas</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Imported %n persistent reservation(s)</source>
        <translation>
            <numerusform>Importada %n reserva persistente</numerusform>
            <numerusform>Importadas %n reservas persistentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> (%n new)</source>
        <translation>
            <numerusform> (%n nova)</numerusform>
            <numerusform> (%n novas)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> of %1</source>
        <translation> de %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>; %n runtime reservation(s) held by services were read but not stored</source>
        <translation>
            <numerusform>; %n reserva em tempo de execução mantida por serviços foi lida, mas não armazenada</numerusform>
            <numerusform>; %n reservas em tempo de execução mantidas por serviços foram lidas, mas não armazenadas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../model/import/jsonimport.cpp" line="-136"/>
        <source>version: %1 is not supported; allowed: %2 to %3 (the report was written by another version of Portolan)</source>
        <translation>version: %1 não é suportada; permitido: %2 a %3 (o relatório foi gravado por outra versão do Portolan)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>snapshot: missing; allowed: a host snapshot or null</source>
        <translation>snapshot: ausente; permitido: um snapshot do host ou null</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>snapshot: expected an object; allowed: a host snapshot or null</source>
        <translation>snapshot: esperava-se um objeto; permitido: um snapshot do host ou null</translation>
    </message>
</context>
<context>
    <name>PortMapData</name>
    <message>
        <location filename="../../ui/portmap/portmapdata.cpp" line="+87"/>
        <source>free</source>
        <translation>livre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dynamic</source>
        <translation>dinâmica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reserved</source>
        <translation>reservada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in use</source>
        <translation>em uso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forbidden</source>
        <translation>proibida</translation>
    </message>
    <message>
        <location line="+80"/>
        <location line="+7"/>
        <source>an unknown process</source>
        <translation>um processo desconhecido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2</source>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>error %1</source>
        <translation>erro %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source> and </source>
        <translation> e </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 0: not a port a service can use</source>
        <translation>%1 0: não é uma porta que um serviço possa usar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port 0 is not a port a service can use: a bind to port 0 lets the system choose a free port from the dynamic range.</source>
        <translation>A porta 0 não é uma porta que um serviço possa usar: um bind na porta 0 deixa o sistema escolher uma porta livre do intervalo dinâmico.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2: forbidden — runtime reservation %3 held by %4</source>
        <translation>%1 %2: proibida — reserva em tempo de execução %3 mantida por %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 is forbidden: a runtime reservation %3 held by %4 covers it, so any bind fails with %5 although nothing listens there.</source>
        <translation>%1 %2 está proibida: uma reserva em tempo de execução %3 mantida por %4 a cobre, então qualquer bind falha com %5, embora nada escute nela.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 is forbidden: a runtime reservation %3 held by %4 covers it, so a bind by any other process fails with %5. %6 listens there.</source>
        <translation>%1 %2 está proibida: uma reserva em tempo de execução %3 mantida por %4 a cobre, então um bind de qualquer outro processo falha com %5. %6 escuta nela.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 held by %2</source>
        <translation>%1 mantida por %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other runtime reservations cover it too: %1.</source>
        <translation>Outras reservas em tempo de execução também a cobrem: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2: forbidden — last scan: %3</source>
        <translation>%1 %2: proibida — última varredura: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 is forbidden: the last scan&apos;s bind failed with %3, and no known reservation explains it.</source>
        <translation>%1 %2 está proibida: o bind da última varredura falhou com %3, e nenhuma reserva conhecida explica isso.</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>The scan names %1 as the holder.</source>
        <translation>A varredura indica %1 como detentor.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Ports below 1024 need root or CAP_NET_BIND_SERVICE on Linux.</source>
        <translation>No Linux, portas abaixo de 1024 exigem root ou CAP_NET_BIND_SERVICE.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2: denied — %3</source>
        <translation>%1 %2: negada — %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 is denied: the last scan&apos;s bind failed with %3 and no reservation covers the port, so a socket of another account, or an exclusive one, holds it: %4. Stop that program or choose another port.</source>
        <translation>%1 %2 está negada: o bind da última varredura falhou com %3 e nenhuma reserva cobre a porta, então um socket de outra conta, ou um exclusivo, a mantém: %4. Encerre esse programa ou escolha outra porta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2: in use — %3</source>
        <translation>%1 %2: em uso — %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 is in use by %3, so another bind fails with %4.</source>
        <translation>%1 %2 está em uso por %3, então outro bind falha com %4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2: in use — last scan: %3</source>
        <translation>%1 %2: em uso — última varredura: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 is in use: the last scan&apos;s bind failed with %3, although no listener is known there.</source>
        <translation>%1 %2 está em uso: o bind da última varredura falhou com %3, embora não se conheça nenhum processo escutando nela.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2: reserved — persistent reservation %3</source>
        <translation>%1 %2: reservada — reserva persistente %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 is reserved by the persistent reservation %3: explicit binds still work; automatic ones skip it.</source>
        <translation>%1 %2 está reservada pela reserva persistente %3: binds explícitos continuam funcionando; os automáticos a ignoram.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2: free, in the dynamic range %3</source>
        <translation>%1 %2: livre, no intervalo dinâmico %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 is free but lies in the dynamic range %3: the system may hand it out at any moment for an outgoing connection or a bind to port 0.</source>
        <translation>%1 %2 está livre, mas fica no intervalo dinâmico %3: o sistema pode entregá-la a qualquer momento para uma conexão de saída ou um bind na porta 0.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 is free: no reservation or listener is known there.</source>
        <translation>%1 %2 está livre: não se conhece nenhuma reserva ou processo escutando nela.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 listens there.</source>
        <translation>%1 escuta nela.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A persistent reservation %1 also covers it: explicit binds still work; automatic ones skip it.</source>
        <translation>Uma reserva persistente %1 também a cobre: binds explícitos continuam funcionando; os automáticos a ignoram.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It lies in the dynamic range %1.</source>
        <translation>Ela fica no intervalo dinâmico %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+12"/>
        <source>The last scan&apos;s bind failed with %1.</source>
        <translation>O bind da última varredura falhou com %1.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The last scan bound it successfully.</source>
        <translation>A última varredura fez o bind nela com sucesso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last scan confirmed it: %1.</source>
        <translation>A última varredura confirmou: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last scan bound it successfully, so these facts may have changed since.</source>
        <translation>A última varredura fez o bind nela com sucesso, então esses fatos podem ter mudado desde então.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The last scan did not cover it.</source>
        <translation>A última varredura não a cobriu.</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <location filename="../../model/services/preflight.cpp" line="+83"/>
        <source>Refused before calling the system: %1</source>
        <translation>Recusado antes de chamar o sistema: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The start port must be between 1 and 65535 (it is %1).</source>
        <translation>A porta inicial deve estar entre 1 e 65535 (é %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of ports must be at least 1 (it is %1).</source>
        <translation>O número de portas deve ser pelo menos 1 (é %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The block %1–%2 runs past port 65535: at most %3 ports fit from port %4.</source>
        <translation>O bloco %1–%2 ultrapassa a porta 65535: cabem no máximo %3 portas a partir da porta %4.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 is already reserved: a persistent reservation of exactly this block exists.</source>
        <translation>%1 já está reservado: existe uma reserva persistente exatamente deste bloco.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 overlaps the persistent reservation %2.</source>
        <translation>%1 se sobrepõe à reserva persistente %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown service</source>
        <translation>um serviço desconhecido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 overlaps the runtime reservation %2 held by %3; such blocks usually move after a restart of that service.</source>
        <translation>%1 se sobrepõe à reserva em tempo de execução %2 mantida por %3; esses blocos costumam mudar de lugar quando esse serviço é reiniciado.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> (“%1”)</source>
        <translation> (“%1”)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is already reserved: the inventory has this block%2.</source>
        <translation>%1 já está reservado: o inventário tem este bloco%2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 overlaps the reservation %2 in the inventory%3.</source>
        <translation>%1 se sobrepõe à reserva %2 do inventário%3.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>an unknown process</source>
        <translation>um processo desconhecido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (pid %1)</source>
        <translation> (pid %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1%2 is listening on port %3 (%4), inside the block: the system would refuse it because the port is in use.</source>
        <translation>%1%2 está escutando na porta %3 (%4), dentro do bloco: o sistema recusaria a reserva porque a porta está em uso.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 lies inside the dynamic port range %2: Windows hands these ports out to outgoing connections, so one may be taken when the reservation is made, and fewer remain for outgoing connections.</source>
        <translation>%1 fica dentro do intervalo de portas dinâmicas %2: o Windows entrega essas portas a conexões de saída, então uma delas pode estar ocupada quando a reserva for feita, e sobram menos para conexões de saída.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The console is not running elevated: the system will refuse to create the reservation (ERROR_ACCESS_DENIED). Restart it as an administrator.</source>
        <translation>O console não está sendo executado com elevação: o sistema recusará a criação da reserva (ERROR_ACCESS_DENIED). Reinicie-o como administrador.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not list the reservations</source>
        <translation>Não foi possível listar as reservas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not list the listening sockets</source>
        <translation>Não foi possível listar os soquetes em escuta</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not read the %1 dynamic port range</source>
        <translation>Não foi possível ler o intervalo de portas dinâmicas %1</translation>
    </message>
</context>
<context>
    <name>RangeHealth</name>
    <message>
        <location filename="../../model/services/rangehealth.cpp" line="+51"/>
        <source>Dynamic range: unknown</source>
        <translation>Intervalo dinâmico: desconhecido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dynamic range: unknown (%1)</source>
        <translation>Intervalo dinâmico: desconhecido (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dynamic range: Windows&apos; default (%1)</source>
        <translation>Intervalo dinâmico: padrão do Windows (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dynamic range: %1, no watched port inside it</source>
        <translation>Intervalo dinâmico: %1, nenhuma porta observada dentro dele</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dynamic range: TCP %1 (not Windows&apos; default), no watched port inside it</source>
        <translation>Intervalo dinâmico: TCP %1 (não é o padrão do Windows), nenhuma porta observada dentro dele</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dynamic range: UDP %1 (not Windows&apos; default), no watched port inside it</source>
        <translation>Intervalo dinâmico: UDP %1 (não é o padrão do Windows), nenhuma porta observada dentro dele</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The dynamic range starts at %1: ports %2 lie inside it</source>
        <translation>O intervalo dinâmico começa em %1: as portas %2 estão dentro dele</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TCP dynamic range starts at %1: ports %2 lie inside it</source>
        <translation>O intervalo dinâmico TCP começa em %1: as portas %2 estão dentro dele</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UDP dynamic range starts at %1: ports %2 lie inside it</source>
        <translation>O intervalo dinâmico UDP começa em %1: as portas %2 estão dentro dele</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../model/reports/report.cpp" line="+62"/>
        <source>Port reservations of %1</source>
        <translation>Reservas de portas de %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The %1 dynamic range could not be read: %2</source>
        <translation>Não foi possível ler o intervalo dinâmico %1: %2</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The reservations held by other processes could not be listed: %1</source>
        <translation>Não foi possível listar as reservas mantidas por outros processos: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The listening sockets could not be listed: %1</source>
        <translation>Não foi possível listar os sockets em escuta: %1</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../ui/reports/reportpdf.cpp" line="+319"/>
        <source>The PDF could not be started.</source>
        <translation>Não foi possível iniciar o PDF.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>page %1 of %2</source>
        <translation>página %1 de %2</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../../model/reports/reporthtml.cpp" line="+29"/>
        <source>not known</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (1 port)</source>
        <translation>%1 (1 porta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 ports)</source>
        <translation>%1 (%2 portas)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed: %1</source>
        <translation>falhou: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <location filename="../../model/reports/reportmaplayout.cpp" line="+90"/>
        <source>%1 %2: persistent reservation (%3)</source>
        <translation>%1 %2: reserva persistente (%3)</translation>
    </message>
    <message>
        <location filename="../../model/reports/reporthtml.cpp" line="+8"/>
        <location line="+319"/>
        <location filename="../../model/reports/reportmaplayout.cpp" line="+7"/>
        <source>unknown process</source>
        <translation>processo desconhecido</translation>
    </message>
    <message>
        <location filename="../../model/reports/reportmaplayout.cpp" line="+2"/>
        <source>%1 %2: held by %3</source>
        <translation>%1 %2: mantida por %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 ports 0–65535</source>
        <translation>Portas %1 0–65535</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+22"/>
        <source>dynamic range %1</source>
        <translation>intervalo dinâmico %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dynamic range not known</source>
        <translation>intervalo dinâmico desconhecido</translation>
    </message>
    <message>
        <location filename="../../model/reports/reportmapsvg.cpp" line="+29"/>
        <source>Port map of %1: TCP and UDP ports 0–65535 with the reserved blocks and the dynamic ranges</source>
        <translation>Mapa de portas de %1: portas TCP e UDP 0–65535 com os blocos reservados e os intervalos dinâmicos</translation>
    </message>
    <message>
        <location filename="../../model/reports/reporthtml.cpp" line="-107"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated</source>
        <translation>Gerado em</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not asked (inventory only)</source>
        <translation>não consultado (apenas inventário)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP dynamic range</source>
        <translation>Intervalo dinâmico TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP dynamic range</source>
        <translation>Intervalo dinâmico UDP</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not read</source>
        <translation>Não lido</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Port map</source>
        <translation>Mapa de portas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Blue, hatched: persistent reservation in the inventory. Orange, hatched: block held by another process at run time. Light blue band: dynamic range. Grey: no reservation.</source>
        <translation>Azul, hachurado: reserva persistente do inventário. Laranja, hachurado: bloco mantido por outro processo em tempo de execução. Faixa azul-clara: intervalo dinâmico. Cinza: sem reserva.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>persistent reservation (inventory)</source>
        <translation>reserva persistente (inventário)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held by another process at run time</source>
        <translation>mantido por outro processo em tempo de execução</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dynamic range</source>
        <translation>intervalo dinâmico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reservation</source>
        <translation>sem reserva</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Persistent reservations (%1)</source>
        <translation>Reservas persistentes (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The inventory holds no reservation of this host.</source>
        <translation>O inventário não tem nenhuma reserva deste host.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Block</source>
        <translation>Bloco</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+24"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+45"/>
        <location line="+26"/>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+44"/>
        <source>Count</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Created (UTC)</source>
        <translation>Criada em (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verified (UTC)</source>
        <translation>Verificada em (UTC)</translation>
    </message>
    <message>
        <location line="-260"/>
        <location line="+268"/>
        <source>1 port</source>
        <translation>1 porta</translation>
    </message>
    <message>
        <location line="-267"/>
        <location line="+268"/>
        <source>%1 ports</source>
        <translation>%1 portas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Held by other processes (%1)</source>
        <translation>Mantidas por outros processos (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+24"/>
        <source>The machine was not asked.</source>
        <translation>A máquina não foi consultada.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>No other process holds a block.</source>
        <translation>Nenhum outro processo mantém um bloco.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+46"/>
        <source>Held by</source>
        <translation>Mantida por</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recent activity (%1, newest first)</source>
        <translation>Atividade recente (%1, mais recentes primeiro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Time (UTC)</source>
        <translation>Horário (UTC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request</source>
        <translation>Solicitação</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detalhe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (elevated)</source>
        <translation> (com elevação)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Portolan report format %1 · generated %2 · every value above is as the console&apos;s database and the machine gave it</source>
        <translation>Relatório do Portolan, formato %1 · gerado em %2 · todos os valores acima são os que o banco de dados do console e a máquina forneceram</translation>
    </message>
    <message>
        <location filename="../../model/reports/reportwriters.cpp" line="+22"/>
        <source>format: pdf is drawn by the console (ui/reportpdf.h); allowed here: csv, json, html</source>
        <translation>format: o pdf é desenhado pelo console (ui/reportpdf.h); permitido aqui: csv, json, html</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The report could not be written to %1: %2. Choose a folder you can write to, or free some disk space, and export again.</source>
        <translation>Não foi possível gravar o relatório em %1: %2. Escolha uma pasta na qual você possa gravar, ou libere espaço em disco, e exporte novamente.</translation>
    </message>
    <message>
        <location filename="../../model/reports/reporthtml.cpp" line="-406"/>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (PID %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an unknown user</source>
        <translation>um usuário desconhecido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2, ports %3 (%4), %5, by %6.</source>
        <translation>%1 em %2, portas %3 (%4), %5, por %6.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It was cancelled: the runs below cover the ports it probed.</source>
        <translation>Ela foi cancelada: as faixas abaixo cobrem as portas que ela testou.</translation>
    </message>
    <message>
        <location line="+303"/>
        <source>Listening sockets (%1)</source>
        <translation>Sockets em escuta (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No socket is listening.</source>
        <translation>Nenhum socket está em escuta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process</source>
        <translation>Processo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Last scan</source>
        <translation>Última varredura</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The console has not scanned this host.</source>
        <translation>O console não fez nenhuma varredura deste host.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>RunText</name>
    <message>
        <location filename="../../model/services/runtext.cpp" line="+35"/>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stream</source>
        <translation>stream</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>datagram</source>
        <translation>datagrama</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+41"/>
        <source>, held by %1</source>
        <translation>, mantida por %1</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>, %1 held by %2</source>
        <translation>, %1 mantida por %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>: found %1</source>
        <translation>: encontrado %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>: granted %1</source>
        <translation>: concedido %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, token %1</source>
        <translation>, token %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, port %1</source>
        <translation>, porta %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>: failed</source>
        <translation>: falhou</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: failed at %1</source>
        <translation>: falhou em %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>bind %1 %2:%3: %4</source>
        <translation>bind %1 %2:%3: %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>, shadowed by %1 on %2</source>
        <translation>, encoberta por %1 em %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>scan %1 %2 %3: %4 free, %5 in use, %6 denied, %7 forbidden, %8 other</source>
        <translation>varredura %1 %2 %3: %4 livres, %5 em uso, %6 negadas, %7 proibidas, %8 outras</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> (cancelled after %n port(s))</source>
        <translation>
            <numerusform> (cancelada após %n porta)</numerusform>
            <numerusform> (cancelada após %n portas)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the socket that acquires</source>
        <translation>o soquete que adquire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the socket that binds</source>
        <translation>o soquete que faz bind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2, protocol %3</source>
        <translation>%1, %2, protocolo %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>requested %1</source>
        <translation>solicitado %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>granted %1, token %2</source>
        <translation>concedido %1, token %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+50"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>found block %1, token %2</source>
        <translation>bloco encontrado %1, token %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>token %1</source>
        <translation>token %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, port 0</source>
        <translation>%1, porta 0</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>allocated port %1</source>
        <translation>porta alocada %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>released token %1</source>
        <translation>token %1 liberado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>port %1: %2</source>
        <translation>porta %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Note of %1 (host %2)</source>
        <translation>Nota de %1 (host %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1 of host %2 from the inventory (the system is not called)</source>
        <translation>Remover %1 do host %2 do inventário (o sistema não é chamado)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>SinceBootReader</name>
    <message>
        <location filename="../../model/fleet/sinceboot.cpp" line="+26"/>
        <source>the persistent reservation %1 %2</source>
        <translation>a reserva persistente %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&apos;s block %2 %3</source>
        <translation>o bloco %2 %3 de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>an unknown owner</source>
        <translation>um dono desconhecido</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Watched port %1 became forbidden: %2 holds it</source>
        <translation>A porta vigiada %1 ficou proibida: %2 a mantém</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watched port %1 is forbidden: %2 holds it</source>
        <translation>A porta vigiada %1 está proibida: %2 a mantém</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Moved: %1&apos;s block %2 %3 is now at %4</source>
        <translation>Movido: o bloco %2 %3 de %1 agora está em %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Appeared: %1</source>
        <translation>Apareceu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vanished: %1</source>
        <translation>Sumiu: %1</translation>
    </message>
</context>
<context>
    <name>SnapshotImport</name>
    <message>
        <location filename="../../model/fleet/snapshotimport.cpp" line="+72"/>
        <source>%1: the folder has no .json file; allowed: snapshot files (portolan-cli snapshot) or a folder of them</source>
        <translation>%1: a pasta não tem arquivo .json; permitido: arquivos de snapshot (portolan-cli snapshot) ou uma pasta deles</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: no such file or folder</source>
        <translation>%1: arquivo ou pasta inexistente</translation>
    </message>
</context>
<context>
    <name>StoreText</name>
    <message>
        <location filename="../../model/store/auditlog.cpp" line="+89"/>
        <source>Could not record the %1 of %2 %3 in the audit log</source>
        <translation>Não foi possível registrar a ação %1 de %2 %3 no log de auditoria</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Could not read audit entry %1</source>
        <translation>Não foi possível ler a entrada de auditoria %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not read the audit log</source>
        <translation>Não foi possível ler o log de auditoria</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not count the audit log</source>
        <translation>Não foi possível contar as entradas do log de auditoria</translation>
    </message>
    <message>
        <location filename="../../model/store/bootlog.cpp" line="+45"/>
        <source>Could not record the boot time of %1</source>
        <translation>Não foi possível registrar o horário de inicialização de %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+5"/>
        <source>Could not read the boot times</source>
        <translation>Não foi possível ler os horários de inicialização</translation>
    </message>
    <message>
        <location filename="../../model/store/database.cpp" line="+154"/>
        <source>Could not open the database %1: its folder %2 does not exist. Create the folder, or choose another file with --db; nothing was created.</source>
        <translation>Não foi possível abrir o banco de dados %1: a pasta %2 não existe. Crie a pasta ou escolha outro arquivo com --db; nada foi criado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not create the folder %1 for the database; check the permissions of its parent, or choose another file with --db.</source>
        <translation>Não foi possível criar a pasta %1 para o banco de dados; verifique as permissões da pasta pai ou escolha outro arquivo com --db.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not open the database %1: %2 is not a folder. Choose another file with --db.</source>
        <translation>Não foi possível abrir o banco de dados %1: %2 não é uma pasta. Escolha outro arquivo com --db.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open the database %1: it is a folder, not a file. Choose another file with --db.</source>
        <translation>Não foi possível abrir o banco de dados %1: é uma pasta, não um arquivo. Escolha outro arquivo com --db.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not open the database %1: the file is read-only. Make it writable, or choose another file with --db; it was left as it is.</source>
        <translation>Não foi possível abrir o banco de dados %1: o arquivo é somente leitura. Permita a gravação nele ou escolha outro arquivo com --db; ele foi deixado como estava.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open the database %1: its folder %2 is read-only, and the database keeps its journal next to the file. Make the folder writable, or choose another file with --db; nothing was changed.</source>
        <translation>Não foi possível abrir o banco de dados %1: a pasta %2 é somente leitura, e o banco de dados mantém o journal ao lado do arquivo. Permita a gravação na pasta ou escolha outro arquivo com --db; nada foi alterado.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not create the database %1: %2. Check the folder&apos;s permissions, or choose another file with --db.</source>
        <translation>Não foi possível criar o banco de dados %1: %2. Verifique as permissões da pasta ou escolha outro arquivo com --db.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Could not open the database %1: it has schema version %2, made by a newer Portolan; this one knows versions up to %3. Open it with a newer Portolan, or choose another file with --db; it was left as it is.</source>
        <translation>Não foi possível abrir o banco de dados %1: ele tem a versão de esquema %2, criada por um Portolan mais novo; este conhece versões até a %3. Abra-o com um Portolan mais novo ou escolha outro arquivo com --db; ele foi deixado como estava.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+55"/>
        <source>Could not open the database</source>
        <translation>Não foi possível abrir o banco de dados</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Could not check the database</source>
        <translation>Não foi possível verificar o banco de dados</translation>
    </message>
    <message>
        <location filename="../../model/store/inventorystore.cpp" line="+86"/>
        <source>Could not record the reservation %1 %2 in the inventory</source>
        <translation>Não foi possível registrar a reserva %1 %2 no inventário</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Could not read reservation %1 of the inventory</source>
        <translation>Não foi possível ler a reserva %1 do inventário</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+25"/>
        <source>Could not read the inventory</source>
        <translation>Não foi possível ler o inventário</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not count the inventory</source>
        <translation>Não foi possível contar as reservas do inventário</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Could not save the note</source>
        <translation>Não foi possível salvar a nota</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not record the verification</source>
        <translation>Não foi possível registrar a verificação</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not mark the inventory of %1 unverified</source>
        <translation>Não foi possível marcar o inventário de %1 como não verificado</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not remove the reservation from the inventory</source>
        <translation>Não foi possível remover a reserva do inventário</translation>
    </message>
    <message>
        <location filename="../../model/store/migrations.cpp" line="+352"/>
        <source>Could not read the schema version</source>
        <translation>Não foi possível ler a versão do esquema</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not upgrade the database to schema version %1 (%2)</source>
        <translation>Não foi possível atualizar o banco de dados para a versão de esquema %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../model/store/proberunstore.cpp" line="+268"/>
        <source>Could not record the %1 run</source>
        <translation>Não foi possível registrar a execução %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not record %1 probe runs</source>
        <translation>Não foi possível registrar %1 execuções de sondagem</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not read probe run %1</source>
        <translation>Não foi possível ler a execução de sondagem %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Could not read the probe history</source>
        <translation>Não foi possível ler o histórico de sondagens</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not count the probe history</source>
        <translation>Não foi possível contar o histórico de sondagens</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read the hosts of the probe history</source>
        <translation>Não foi possível ler os hosts do histórico de sondagens</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not explain the history query</source>
        <translation>Não foi possível analisar a consulta do histórico</translation>
    </message>
    <message>
        <location filename="../../model/store/sqlsupport.cpp" line="+430"/>
        <source>The database %1 holds &quot;%2&quot; in %3.%4, which this version of Portolan does not know; was it edited by hand?</source>
        <translation>O banco de dados %1 contém &quot;%2&quot; em %3.%4, valor que esta versão do Portolan não conhece; ele foi editado à mão?</translation>
    </message>
    <message>
        <location filename="../../model/store/hostsnapshotstore.cpp" line="+227"/>
        <source>Could not store the host snapshots</source>
        <translation>Não foi possível armazenar os snapshots de host</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not read the fleet&apos;s hosts</source>
        <translation>Não foi possível ler os hosts da frota</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not read the host snapshot</source>
        <translation>Não foi possível ler o snapshot do host</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is no host snapshot %1.</source>
        <translation>Não há snapshot de host %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+43"/>
        <location line="+35"/>
        <source>Could not read the host snapshots</source>
        <translation>Não foi possível ler os snapshots de host</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Could not search the fleet for a port</source>
        <translation>Não foi possível procurar uma porta na frota</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Could not read the watched ports</source>
        <translation>Não foi possível ler as portas vigiadas</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not store the watched ports</source>
        <translation>Não foi possível armazenar as portas vigiadas</translation>
    </message>
</context>
<context>
    <name>portolan::AuditLogModel</name>
    <message>
        <location filename="../../model/itemmodels/auditlogmodel.cpp" line="+52"/>
        <source>%1 (elevated)</source>
        <translation>%1 (com elevação)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Time</source>
        <translation>Horário</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request</source>
        <translation>Solicitação</translation>
    </message>
</context>
<context>
    <name>portolan::FleetModel</name>
    <message>
        <location filename="../../model/fleet/fleetmodel.cpp" line="+55"/>
        <source>dynamic range starts at %1 (Windows&apos; default: %2)</source>
        <translation>o intervalo dinâmico começa em %1 (padrão do Windows: %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 of %3 moved to %4</source>
        <translation>%1 %2 de %3 foi movido para %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown owner</source>
        <translation>um dono desconhecido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>persistent reservation %1 %2 missing</source>
        <translation>reserva persistente %1 %2 ausente</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OS</source>
        <translation>SO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last gathered</source>
        <translation>Última coleta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>Idade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Persistent</source>
        <translation>Persistentes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runtime</source>
        <translation>Execução</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
</context>
<context>
    <name>portolan::InventoryModel</name>
    <message>
        <location filename="../../model/itemmodels/inventorymodel.cpp" line="+29"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>deleted</source>
        <translation>excluída</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted %1</source>
        <translation>excluída em %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 was deleted through this console on %3; it is kept here from the audit log.</source>
        <translation>%1 %2 foi excluída por este console em %3; ela aparece aqui a partir do log de auditoria.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The token Windows gave this reservation when it was last seen. Tokens may change at every restart; the block is identified by protocol, start and count.</source>
        <translation>O token que o Windows deu a esta reserva na última vez em que foi vista. Os tokens podem mudar a cada reinicialização; o bloco é identificado pelo protocolo, início e quantidade.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Found by the last lookup (%1).</source>
        <translation>Encontrada na última consulta (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last lookup did not find this block: it was deleted outside the console, or the machine was reinstalled.</source>
        <translation>A última consulta não encontrou este bloco: ele foi excluído fora do console, ou a máquina foi reinstalada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not looked up since the machine last restarted (or never): its token may have changed.</source>
        <translation>Não consultada desde a última reinicialização da máquina (ou nunca): o token pode ter mudado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Created by this console.</source>
        <translation>Criada por este console.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made elsewhere and looked up here.</source>
        <translation>Criada em outro lugar e consultada aqui.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found on the system by a discovery.</source>
        <translation>Encontrada no sistema por uma descoberta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported from a report (netsh or portolan-cli).</source>
        <translation>Importada de um relatório (netsh ou portolan-cli).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click to add a note: owner, purpose…</source>
        <translation>Clique duas vezes para adicionar uma nota: responsável, finalidade…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 on %3</source>
        <translation>%1 %2 em %3</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Criada em</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>Verificada em</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Free text: who needs this block and why. Every change is in the audit log.</source>
        <translation>Texto livre: quem precisa deste bloco e por quê. Toda alteração fica no log de auditoria.</translation>
    </message>
</context>
<context>
    <name>portolan::ProbeRunModel</name>
    <message>
        <location filename="../../model/itemmodels/proberunmodel.cpp" line="+63"/>
        <source>%1 on %2</source>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>port %1</source>
        <translation>porta %1</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Started</source>
        <translation>Início</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probe</source>
        <translation>Sondagem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Granted</source>
        <translation>Concedido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps</source>
        <translation>Etapas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Run %1</source>
        <translation>Execução %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Run</source>
        <translation>Execução</translation>
    </message>
</context>
<context>
    <name>portolan::ProbeService</name>
    <message>
        <location filename="../../model/services/probeservice.cpp" line="+138"/>
        <source>Another probe is still running: wait for it to finish or cancel it.</source>
        <translation>Outra sondagem ainda está em execução: aguarde que termine ou cancele-a.</translation>
    </message>
</context>
<context>
    <name>portolan::ProbeStepModel</name>
    <message>
        <location filename="../../model/itemmodels/probestepmodel.cpp" line="+64"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Held by %1</source>
        <translation>Mantida por %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>#</source>
        <translation>Nº</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detalhe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
</context>
<context>
    <name>portolan::ReservationService</name>
    <message>
        <location filename="../../model/services/reservationworker.cpp" line="+100"/>
        <source>Could not read the inventory: %1</source>
        <translation>Não foi possível ler o inventário: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The audit log could not be written: %1</source>
        <translation>Não foi possível gravar o log de auditoria: %1</translation>
    </message>
    <message>
        <location line="-59"/>
        <source> — not called: refused by the pre-flight check</source>
        <translation> — não chamado: recusado pela verificação prévia</translation>
    </message>
    <message>
        <location filename="../../model/services/reservationservice.cpp" line="+128"/>
        <source>A port of the block is in use, or the block is already reserved: Windows does not say which, and the pre-flight check saw neither (a listener it cannot see, or a reservation made meanwhile).</source>
        <translation>Uma porta do bloco está em uso, ou o bloco já está reservado: o Windows não diz qual dos dois, e a verificação prévia não viu nenhum deles (um processo em escuta que ela não enxerga, ou uma reserva feita nesse meio-tempo).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not reserve %1: %2</source>
        <translation>Não foi possível reservar %1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not record the new reservation</source>
        <translation>Não foi possível registrar a nova reserva</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reserved %1 (token %2), but the inventory could not be updated: %3. Look it up again to record it.</source>
        <translation>%1 reservado (token %2), mas não foi possível atualizar o inventário: %3. Consulte-o novamente para registrá-lo.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reserved %1 (token %2).</source>
        <translation>%1 reservado (token %2).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 is reserved (token %2).</source>
        <translation>%1 está reservado (token %2).</translation>
    </message>
    <message>
        <location filename="../../model/services/reservationworker.cpp" line="+16"/>
        <source>The inventory could not be updated: %1</source>
        <translation>Não foi possível atualizar o inventário: %1</translation>
    </message>
    <message>
        <location filename="../../model/services/reservationservice.cpp" line="+11"/>
        <location filename="../../model/services/reservationworker.cpp" line="+165"/>
        <source>Could not look up %1: %2</source>
        <translation>Não foi possível consultar %1: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Deleted the reservation %1.</source>
        <translation>A reserva %1 foi excluída.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not delete %1: %2</source>
        <translation>Não foi possível excluir %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not remove the inventory row: %1</source>
        <translation>Não foi possível remover a linha do inventário: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1 of host %2 from the inventory (the system is not called)</source>
        <translation>Remover %1 do host %2 do inventário (o sistema não é chamado)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Removed %1 of host %2 from the inventory.</source>
        <translation>%1 do host %2 foi removido do inventário.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not change the note: %1</source>
        <translation>Não foi possível alterar a nota: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” → “%2”</source>
        <translation>“%1” → “%2”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Changed the note of %1.</source>
        <translation>A nota de %1 foi alterada.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This backend cannot discover reservations.</source>
        <translation>Este backend não consegue descobrir reservas.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not record the discovered reservations</source>
        <translation>Não foi possível registrar as reservas descobertas</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Found %n persistent reservation(s)</source>
        <translation>
            <numerusform>Encontrada %n reserva persistente</numerusform>
            <numerusform>Encontradas %n reservas persistentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> (%n new)</source>
        <translation>
            <numerusform> (%n nova)</numerusform>
            <numerusform> (%n novas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> and %n runtime reservation(s) held by services.</source>
        <translation>
            <numerusform> e %n de serviços (tempo de execução).</numerusform>
            <numerusform> e %n de serviços (tempo de execução).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../model/services/reservationworker.cpp" line="-18"/>
        <source>verification</source>
        <translation>verificação</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Verified %n reservation(s) of %1</source>
        <translation>
            <numerusform>Verificada %n reserva de %1</numerusform>
            <numerusform>Verificadas %n reservas de %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>: %n present</source>
        <translation>
            <numerusform>: %n presente</numerusform>
            <numerusform>: %n presentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n missing</source>
        <translation>
            <numerusform>, %n ausente</numerusform>
            <numerusform>, %n ausentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n new token(s)</source>
        <translation>
            <numerusform>, %n token novo</numerusform>
            <numerusform>, %n tokens novos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n could not be checked</source>
        <translation>
            <numerusform>, %n não pôde ser verificada</numerusform>
            <numerusform>, %n não puderam ser verificadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portolan::console</name>
    <message>
        <location filename="../../app/portolan/console.cpp" line="+218"/>
        <source>could not open the backend</source>
        <translation>não foi possível abrir o backend</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Upgrading the database</source>
        <translation>Atualizando o banco de dados</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Building the search index of the history…</source>
        <translation>Criando o índice de busca do histórico…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>could not open the database</source>
        <translation>não foi possível abrir o banco de dados</translation>
    </message>
    <message>
        <location filename="../../app/portolan/commandlineoptions.cpp" line="+356"/>
        <source>option %1 is given twice</source>
        <translation>a opção %1 foi informada duas vezes</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>option %1 needs a value; allowed: %2</source>
        <translation>a opção %1 precisa de um valor; permitido: %2</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>import a netsh excludedportrange report, portolan-cli --json list output, or host snapshots (portolan-cli snapshot; files or folders of them, more may follow) into the database; no window</source>
        <translation>importa um relatório excludedportrange do netsh, a saída de portolan-cli --json list ou snapshots de host (portolan-cli snapshot; arquivos ou pastas deles, podem seguir outros) para o banco de dados; sem janela</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>%1: the value is empty; allowed: %2</source>
        <translation>%1: o valor está vazio; permitido: %2</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>option %1 needs a value</source>
        <translation>a opção %1 precisa de um valor</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>unexpected argument %1; the console takes options only (portolan-cli takes commands)</source>
        <translation>argumento inesperado %1; o console aceita apenas opções (o portolan-cli aceita comandos)</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>option %1 takes no value</source>
        <translation>a opção %1 não aceita valor</translation>
    </message>
    <message>
        <location line="-318"/>
        <source>the system to act on; default: the real one</source>
        <translation>o sistema em que agir; padrão: o real</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed the simulated backend from a JSON scenario (implies --backend simulated)</source>
        <translation>inicializa o backend simulado a partir de um cenário JSON (implica --backend simulated)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <location line="+6"/>
        <location line="+13"/>
        <location line="+35"/>
        <location line="+16"/>
        <source>FILE</source>
        <translation>ARQUIVO</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>a JSON scenario file</source>
        <translation>um arquivo de cenário JSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>where the simulated backend keeps its state between runs (implies --backend simulated)</source>
        <translation>onde o backend simulado guarda seu estado entre execuções (implica --backend simulated)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a state file</source>
        <translation>um arquivo de estado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the database; default: the user&apos;s data folder</source>
        <translation>o banco de dados; padrão: a pasta de dados do usuário</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a database file</source>
        <translation>um arquivo de banco de dados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the language of the console; default: the system&apos;s (LANG, LC_ALL, LANGUAGE)</source>
        <translation>o idioma do console; padrão: o do sistema (LANG, LC_ALL, LANGUAGE)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>render the main window (1280x800) after the first refresh to a PNG file and exit; works without a display</source>
        <translation>renderiza a janela principal (1280x800) após a primeira atualização em um arquivo PNG e sai; funciona sem tela</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a PNG file to write</source>
        <translation>um arquivo PNG a gravar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --screenshot: the view to render (default: reservations)</source>
        <translation>com --screenshot: a exibição a renderizar (padrão: reservations)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VIEW</source>
        <translation>EXIBIÇÃO</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>with --screenshot-view: a state the view prepares first (docs/screenshots.md)</source>
        <translation>com --screenshot-view: um estado que a exibição prepara antes (docs/screenshots.md)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>a state the view knows</source>
        <translation>um estado que a exibição conheça</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --screenshot: render this dialog over the main window instead</source>
        <translation>com --screenshot: renderiza esta caixa de diálogo sobre a janela principal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DIALOG</source>
        <translation>DIÁLOGO</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>with --screenshot: first do what a day of work leaves behind (creates, notes, refused creates, probes), for the documentation&apos;s pictures</source>
        <translation>com --screenshot: antes simula um dia de trabalho (criações, notas, criações recusadas, sondagens), para as imagens da documentação</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a report file to read</source>
        <translation>um arquivo de relatório a ler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --import: the protocol of a netsh report whose heading names none</source>
        <translation>com --import: o protocolo de um relatório do netsh cujo cabeçalho não cita nenhum</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>with --import: print the result, or the error, as one JSON object</source>
        <translation>com --import: mostra o resultado, ou o erro, como um objeto JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>write a reservation report (docs/reports.md); no window</source>
        <translation>grava um relatório de reservas (docs/reports.md); sem janela</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a .csv, .json, .html or .pdf file to write</source>
        <translation>um arquivo .csv, .json, .html ou .pdf a gravar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --export: the report&apos;s format; default: the file&apos;s extension</source>
        <translation>com --export: o formato do relatório; padrão: a extensão do arquivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>with --import: the host the report&apos;s rows belong to; with --export: the host to report on</source>
        <translation>com --import: o host a que pertencem as linhas do relatório; com --export: o host do relatório</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a host name</source>
        <translation>um nome de host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --export: the report&apos;s title</source>
        <translation>com --export: o título do relatório</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a title</source>
        <translation>um título</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --export: how many audit log entries the report lists; default: 20</source>
        <translation>com --export: quantas entradas do log de auditoria o relatório lista; padrão: 20</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>with --export: the report&apos;s time; default: now</source>
        <translation>com --export: o horário do relatório; padrão: agora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TIME</source>
        <translation>HORÁRIO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISO 8601 such as 2025-03-10T09:00:00Z</source>
        <translation>ISO 8601, como 2025-03-10T09:00:00Z</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --export: the inventory alone, without asking the machine</source>
        <translation>com --export: apenas o inventário, sem consultar a máquina</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>print the version and exit</source>
        <translation>mostra a versão e sai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>print this help and exit</source>
        <translation>mostra esta ajuda e sai</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>%1; allowed: %2</source>
        <translation>%1; permitido: %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>unknown option %1; allowed: %2</source>
        <translation>opção desconhecida %1; permitido: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>--lang: %1 is not a language of the console; allowed: %2</source>
        <translation>--lang: %1 não é um idioma do console; permitido: %2</translation>
    </message>
    <message>
        <location filename="../../app/portolan/consoleoptions.cpp" line="+23"/>
        <source>--import and --export cannot be combined</source>
        <translation>--import e --export não podem ser combinados</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 needs --import FILE</source>
        <translation>%1 precisa de --import ARQUIVO</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 needs --export FILE</source>
        <translation>%1 precisa de --export ARQUIVO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 needs --import FILE or --export FILE</source>
        <translation>%1 precisa de --import ARQUIVO ou --export ARQUIVO</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be combined with %2; allowed with %2: %3</source>
        <translation>%1 não pode ser combinado com %2; permitido com %2: %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--backend: %1 %2; allowed: %3</source>
        <translation>--backend: %1 %2; permitido: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not available in this build</source>
        <translation>não está disponível nesta compilação</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a backend</source>
        <translation>não é um backend</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 applies only to the simulated backend; allowed with: --backend simulated</source>
        <translation>%1 vale apenas para o backend simulado; permitido com: --backend simulated</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 needs --screenshot FILE</source>
        <translation>%1 precisa de --screenshot ARQUIVO</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--screenshot-seed needs --screenshot FILE</source>
        <translation>--screenshot-seed precisa de --screenshot ARQUIVO</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--screenshot-view: %1 is not a view; allowed: %2</source>
        <translation>--screenshot-view: %1 não é uma exibição; permitido: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--screenshot-dialog: %1 is not a dialog; allowed: %2</source>
        <translation>--screenshot-dialog: %1 não é uma caixa de diálogo; permitido: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--screenshot-state needs --screenshot-view NAME</source>
        <translation>--screenshot-state precisa de --screenshot-view NOME</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--screenshot-dialog and --screenshot-state cannot be combined</source>
        <translation>--screenshot-dialog e --screenshot-state não podem ser combinados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--exit-after-first-paint and --screenshot cannot be combined</source>
        <translation>--exit-after-first-paint e --screenshot não podem ser combinados</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--protocol: %1 is not a protocol; allowed: %2</source>
        <translation>--protocol: %1 não é um protocolo; permitido: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--no-backend cannot be combined with --backend, --scenario or --state</source>
        <translation>--no-backend não pode ser combinado com --backend, --scenario ou --state</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--format: %1 is not a report format; allowed: %2</source>
        <translation>--format: %1 não é um formato de relatório; permitido: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--export: %1 does not end in .csv, .json, .html or .pdf; give the format with --format</source>
        <translation>--export: %1 não termina em .csv, .json, .html ou .pdf; informe o formato com --format</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--audit: %1 is not a number of entries; allowed: 0-10000</source>
        <translation>--audit: %1 não é um número de entradas; permitido: 0-10000</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--generated-at: %1 is not a time with its offset; allowed: ISO 8601 such as 2025-03-10T09:00:00Z</source>
        <translation>--generated-at: %1 não é um horário com fuso; permitido: ISO 8601, como 2025-03-10T09:00:00Z</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The Portolan console: persistent TCP/UDP port reservations, the port map, probes,
scans and their history. With --import or --export it runs without a window.</source>
        <translation>O console Portolan: reservas persistentes de portas TCP/UDP, o mapa de portas,
sondagens, varreduras e o histórico delas. Com --import ou --export, roda sem janela.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usage: portolan [OPTIONS]
</source>
        <translation>Uso: portolan [OPÇÕES]
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Without a display (Linux without DISPLAY/WAYLAND_DISPLAY), run it under
&apos;xvfb-run -a portolan&apos;, or &apos;QT_QPA_PLATFORM=vnc portolan&apos; and connect a VNC viewer
to port 5900, or use --screenshot.

Exit codes: 0 success, 1 usage, 2 no display, 3 the backend or the database could not
be opened, 4 the screenshot could not be made.
With --import: 0 imported, 1 usage or an unreadable file, 2 malformed input (nothing
imported), 3 the database could not be opened or written.
With --export: 0 written, 1 usage, 2 the file could not be written, 3 the database or
the backend failed.
</source>
        <translation>
Sem tela (Linux sem DISPLAY/WAYLAND_DISPLAY), execute-o com
&apos;xvfb-run -a portolan&apos;, ou &apos;QT_QPA_PLATFORM=vnc portolan&apos; e conecte um
cliente VNC à porta 5900, ou use --screenshot.

Códigos de saída: 0 sucesso, 1 uso incorreto, 2 sem tela, 3 falha ao abrir
o backend ou o banco de dados, 4 falha na captura de tela.
Com --import: 0 importado, 1 uso incorreto ou arquivo ilegível, 2 entrada malformada
(nada importado), 3 falha ao abrir ou gravar o banco de dados.
Com --export: 0 gravado, 1 uso incorreto, 2 falha ao gravar o arquivo, 3 falha do banco
de dados ou do backend.
</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>portolan: %1
Try &apos;portolan --help&apos; for more information.
</source>
        <translation>portolan: %1
Execute &apos;portolan --help&apos; para mais informações.
</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>portolan: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the console
cannot open its window. Instead:
  xvfb-run -a portolan ...             run it on a virtual X display (Xvfb)
  QT_QPA_PLATFORM=vnc portolan ...     serve the window over VNC, then connect a VNC
                                       viewer to port 5900 of this machine
  portolan --screenshot out.png ...    render the main window to a PNG file
  portolan-cli ...                     the same reservations from the command line
</source>
        <translation>portolan: nenhuma tela encontrada (nem DISPLAY nem WAYLAND_DISPLAY está definida), então o
console não pode abrir sua janela. Em vez disso:
  xvfb-run -a portolan ...             execute-o em uma tela X virtual (Xvfb)
  QT_QPA_PLATFORM=vnc portolan ...     sirva a janela por VNC e conecte um visualizador
                                       VNC à porta 5900 desta máquina
  portolan --screenshot out.png ...    renderize a janela principal em um arquivo PNG
  portolan-cli ...                     as mesmas reservas pela linha de comando
</translation>
    </message>
</context>
<context>
    <name>portolan::ui::AboutDialog</name>
    <message>
        <location filename="../../ui/aboutdialog.cpp" line="+78"/>
        <source>About Portolan</source>
        <translation>Sobre o Portolan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Portolan %1&lt;/b&gt;&lt;br&gt;A console for TCP and UDP port reservations.</source>
        <translation>&lt;b&gt;Portolan %1&lt;/b&gt;&lt;br&gt;Um console para reservas de portas TCP e UDP.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Portolan is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>O Portolan é software livre: você pode redistribuí-lo e/ou modificá-lo sob os termos da Licença Pública Geral GNU, versão 3 ou (a seu critério) qualquer versão posterior (GPL-3.0-or-later). Ele vem SEM NENHUMA GARANTIA.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In: %1</source>
        <translation>Em: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The third-party notices are missing from this build.</source>
        <translation>Os avisos de terceiros estão ausentes desta compilação.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portolan is made with these components; select one for its notice and license:</source>
        <translation>O Portolan é feito com estes componentes; selecione um para ver seu aviso e sua licença:</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Simulated Windows machine</source>
        <translation>Máquina Windows simulada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>portolan::ui::BlockInput</name>
    <message>
        <location filename="../../ui/reservations/blockinput.cpp" line="+19"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocolo:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1–65535</source>
        <translation>1–65535</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start port:</source>
        <translation>Porta &amp;inicial:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Count:</source>
        <translation>&amp;Quantidade:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End port:</source>
        <translation>Porta &amp;final:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>number of ports</source>
        <translation>número de portas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last port of the block</source>
        <translation>última porta do bloco</translation>
    </message>
    <message numerus="yes">
        <location line="+158"/>
        <source>%1 %2, %n port(s)</source>
        <translation>
            <numerusform>%1 %2, %n porta</numerusform>
            <numerusform>%1 %2, %n portas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the first port and the number of ports (or the last port).</source>
        <translation>Informe a primeira porta e o número de portas (ou a última porta).</translation>
    </message>
</context>
<context>
    <name>portolan::ui::DeleteDialog</name>
    <message>
        <location filename="../../ui/reservations/deletedialog.cpp" line="+24"/>
        <source>Delete reservation</source>
        <translation>Excluir reserva</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove from the inventory</source>
        <translation>Remover do inventário</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleting a persistent reservation needs root, and Portolan is not running as root: the system will refuse it.</source>
        <translation>Excluir uma reserva persistente exige root, e o Portolan não está sendo executado como root: o sistema recusará.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting a persistent reservation needs an elevated administrator, and Portolan is not running elevated: Windows will refuse it.</source>
        <translation>Excluir uma reserva persistente exige privilégios de administrador, e o Portolan não está sendo executado com elevação: o Windows recusará.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ports:</source>
        <translation>Portas:</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n port(s)</source>
        <translation>
            <numerusform>%n porta</numerusform>
            <numerusform>%n portas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>Origem:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no note)</source>
        <translation>(sem nota)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Programs may then be given these ports automatically again. Explicit binds are not affected. The delete is recorded in the audit log.</source>
        <translation>Depois disso, programas podem voltar a receber essas portas automaticamente. Binds explícitos não são afetados. A exclusão fica registrada no log de auditoria.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This row describes host %1, not this machine: only the inventory row is removed; nothing is changed on %1.</source>
        <translation>Esta linha descreve o host %1, não esta máquina: só a linha do inventário é removida; nada é alterado em %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Delete</source>
        <translation>&amp;Excluir</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+72"/>
        <source>&amp;Remove from inventory</source>
        <translation>&amp;Remover do inventário</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Delete the persistent %1 reservation %2?</source>
        <translation>Excluir a reserva persistente %1 %2?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the %1 reservation %2 of host %3 from the inventory?</source>
        <translation>Remover do inventário a reserva %1 %2 do host %3?</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+7"/>
        <source>Nothing was deleted.</source>
        <translation>Nada foi excluído.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The reservation no longer exists on this machine; the row stays in the inventory, marked missing, until you remove it.</source>
        <translation>A reserva não existe mais nesta máquina; a linha fica no inventário, marcada como ausente, até que você a remova.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The message at the top of this dialog says why and what to do.</source>
        <translation>A mensagem no topo desta caixa diz por quê e o que fazer.</translation>
    </message>
</context>
<context>
    <name>portolan::ui::ElevationBanner</name>
    <message>
        <location filename="../../ui/elevation.cpp" line="+62"/>
        <source>&amp;Restart as administrator</source>
        <translation>&amp;Reiniciar como administrador</translation>
    </message>
</context>
<context>
    <name>portolan::ui::ExplanationPanel</name>
    <message>
        <location filename="../../ui/diagnose/explanationpanel.cpp" line="+20"/>
        <source>&lt;b&gt;Why?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Por quê?&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Finding out why…</source>
        <translation>Descobrindo por quê…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing to do.</source>
        <translation>Nada a fazer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Remedies, cheapest first:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Soluções, da mais barata à mais cara:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not find out why: %1</source>
        <translation>Não foi possível descobrir por quê: %1</translation>
    </message>
</context>
<context>
    <name>portolan::ui::FleetView</name>
    <message>
        <location filename="../../ui/fleet/fleetview.cpp" line="+39"/>
        <source>persistent reservation %1 (token %2)</source>
        <translation>reserva persistente %1 (token %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>persistent reservation %1</source>
        <translation>reserva persistente %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown owner</source>
        <translation>um dono desconhecido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>runtime block %1 held by %2</source>
        <translation>bloco em tempo de execução %1 mantido por %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>runtime block %1 held by %2 (known from %3)</source>
        <translation>bloco em tempo de execução %1 mantido por %2 (sabido por %3)</translation>
    </message>
    <message>
        <location line="+237"/>
        <source>Export the fleet report</source>
        <translation>Exportar o relatório da frota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports (*.html *.pdf *.csv *.json)</source>
        <translation>Relatórios (*.html *.pdf *.csv *.json)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 does not end in .csv, .json, .html or .pdf</source>
        <translation>%1 não termina em .csv, .json, .html ou .pdf</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fleet report</source>
        <translation>Relatório da frota</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fleet report written to %1.</source>
        <translation>Relatório da frota gravado em %1.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Which hosts forbid a port, and why: from each host&apos;s newest snapshot.</source>
        <translation>Quais hosts proíbem uma porta, e por quê: pelo snapshot mais recente de cada host.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No host forbids %1.</source>
        <translation>Nenhum host proíbe %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n host(s) forbid %1.</source>
        <translation>
            <numerusform>%n host proíbe %1.</numerusform>
            <numerusform>%n hosts proíbem %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Since the last boot — %1</source>
        <translation>Desde a última inicialização — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading…</source>
        <translation>Lendo…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No boot of this host is recorded yet: the console records one at each start.</source>
        <translation>Nenhuma inicialização deste host foi registrada ainda: o console registra uma a cada início.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This boot (%1) is the first one recorded; the next boot is compared with it.</source>
        <translation>Esta inicialização (%1) é a primeira registrada; a próxima será comparada com ela.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This boot (%1) against the one before (%2).</source>
        <translation>Esta inicialização (%1) comparada com a anterior (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No port is watched yet: Watch list… chooses them.</source>
        <translation>Nenhuma porta é vigiada ainda: Portas vigiadas… as escolhe.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing changed.</source>
        <translation>Nada mudou.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Fleet: %n host(s)</source>
        <translation>
            <numerusform>Frota: %n host</numerusform>
            <numerusform>Frota: %n hosts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recarregar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Watch list…</source>
        <translation>&amp;Portas vigiadas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ports you care about: the panel says when one becomes forbidden</source>
        <translation>As portas que importam para você: o painel avisa quando uma fica proibida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open host</source>
        <translation>&amp;Abrir host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export report…</source>
        <translation>&amp;Exportar relatório…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A summary table and one section per host, as HTML, PDF, CSV or JSON</source>
        <translation>Uma tabela de resumo e uma seção por host, em HTML, PDF, CSV ou JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host&apos;s inventory and port map from its newest snapshot, read-only</source>
        <translation>O inventário e o mapa de portas do host pelo snapshot mais recente, somente leitura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a port:</source>
        <translation>Procurar uma porta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>Pr&amp;ocurar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Por quê</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No host snapshot yet. Gather them with portolan-cli snapshot (or the Ansible collection) and open them with portolan --import FOLDER.</source>
        <translation>Nenhum snapshot de host ainda. Colete-os com portolan-cli snapshot (ou a coleção Ansible) e abra-os com portolan --import PASTA.</translation>
    </message>
    <message>
        <location filename="../../ui/fleet/fleetreportexport.cpp" line="+52"/>
        <source>%1: could not be written: %2</source>
        <translation>%1: não pôde ser gravado: %2</translation>
    </message>
</context>
<context>
    <name>portolan::ui::Form</name>
    <message>
        <location filename="../../ui/formsupport.cpp" line="+313"/>
        <source>a token is required; allowed: 0x followed by hex digits, or a decimal number</source>
        <translation>é necessário um token; permitido: 0x seguido de dígitos hexadecimais, ou um número decimal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; is too large for a 64-bit token</source>
        <translation>&apos;%1&apos; é grande demais para um token de 64 bits</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a token; allowed: 0x followed by hex digits, or a decimal number</source>
        <translation>&apos;%1&apos; não é um token; permitido: 0x seguido de dígitos hexadecimais, ou um número decimal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>0 means &quot;no reservation&quot;; a token is never 0</source>
        <translation>0 significa &quot;nenhuma reserva&quot;; um token nunca é 0</translation>
    </message>
</context>
<context>
    <name>portolan::ui::GuideWindow</name>
    <message>
        <location filename="../../ui/help/guidewindow.cpp" line="+26"/>
        <source>en</source>
        <comment>The language code of this translation&apos;s user guide (docs/guide.&lt;code&gt;.md)</comment>
        <translation>pt_BR</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Portolan user guide</source>
        <translation>Guia do usuário do Portolan</translation>
    </message>
</context>
<context>
    <name>portolan::ui::HistoryView</name>
    <message>
        <location filename="../../ui/history/historyview.cpp" line="+76"/>
        <source>All protocols</source>
        <translation>Todos os protocolos</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Probe runs</source>
        <translation>Execuções de &amp;sondagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;udit log</source>
        <translation>&amp;Log de auditoria</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Summary or address contains…</source>
        <translation>Resumo ou endereço contém…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All probes</source>
        <translation>Todas as sondagens</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+132"/>
        <source>Any result</source>
        <translation>Qualquer resultado</translation>
    </message>
    <message>
        <location line="-131"/>
        <location line="+132"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="-131"/>
        <location line="+132"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search</source>
        <translation>&amp;Pesquisar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pro&amp;be</source>
        <translation>Sonda&amp;gem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;tocol</source>
        <translation>Pro&amp;tocolo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Result</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search &amp;older runs</source>
        <translation>Pesquisar execuções &amp;anteriores</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+216"/>
        <source>Select a run to see its steps.</source>
        <translation>Selecione uma execução para ver as etapas.</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Could not read the history: %1</source>
        <translation>Não foi possível ler o histórico: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Request, detail or error contains…</source>
        <translation>Solicitação, detalhe ou erro contém…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All actions</source>
        <translation>Todas as ações</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>S&amp;earch</source>
        <translation>P&amp;esquisar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;ction</source>
        <translation>A&amp;ção</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protoc&amp;ol</source>
        <translation>Protoc&amp;olo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resu&amp;lt</source>
        <translation>Resu&amp;ltado</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Search older &amp;entries</source>
        <translation>Pesquisar &amp;entradas anteriores</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Could not read the audit log: %1</source>
        <translation>Não foi possível ler o log de auditoria: %1</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The steps of run %1 could not be read: %2</source>
        <translation>Não foi possível ler as etapas da execução %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>Steps of run %1: %2</source>
        <translation>Etapas da execução %1: %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>npm dev server</source>
        <translation>servidor de desenvolvimento npm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>build agents</source>
        <translation>agentes de build</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n run(s) shown</source>
        <translation>
            <numerusform>%n execução exibida</numerusform>
            <numerusform>%n execuções exibidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entry(s) shown</source>
        <translation>
            <numerusform>%n entrada exibida</numerusform>
            <numerusform>%n entradas exibidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> of %n read from the database</source>
        <translation>
            <numerusform> de %n lida do banco de dados</numerusform>
            <numerusform> de %n lidas do banco de dados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; older ones are searched on request.</source>
        <translation>; as anteriores são pesquisadas quando solicitado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; older ones load as you scroll.</source>
        <translation>; as anteriores são carregadas conforme você rola.</translation>
    </message>
</context>
<context>
    <name>portolan::ui::HostSnapshotWindow</name>
    <message>
        <location filename="../../ui/fleet/hostsnapshotwindow.cpp" line="+47"/>
        <source>%1 — read-only snapshot</source>
        <translation>%1 — snapshot somente leitura</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>Dono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>Evidência</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>persistent</source>
        <translation>persistente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>runtime</source>
        <translation>em tempo de execução</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process</source>
        <translation>Processo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reservations (%1)</source>
        <translation>Reservas (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listeners (%1)</source>
        <translation>Processos em escuta (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port map</source>
        <translation>Mapa de portas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Read-only snapshot of %1 gathered at %2. Live actions (create, delete, probes) stay with the console on that host, or with the playbook.</source>
        <translation>Snapshot somente leitura de %1 coletado em %2. As ações ao vivo (criar, excluir, sondagens) ficam com o console nesse host ou com o playbook.</translation>
    </message>
</context>
<context>
    <name>portolan::ui::LiveStepModel</name>
    <message>
        <location filename="../../ui/probes/livestepmodel.cpp" line="+18"/>
        <source>socket(): a socket of the given family, type and protocol.</source>
        <translation>socket(): um soquete da família, do tipo e do protocolo indicados.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIO_ACQUIRE_PORT_RESERVATION: a runtime block that lives as long as the socket.</source>
        <translation>SIO_ACQUIRE_PORT_RESERVATION: um bloco em tempo de execução que dura enquanto o soquete existir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LookupPersistentTcpPortReservation: the token of the persistent block.</source>
        <translation>LookupPersistentTcpPortReservation: o token do bloco persistente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SIO_ASSOCIATE_PORT_RESERVATION: the next bind to port 0 takes a port of the block.</source>
        <translation>SIO_ASSOCIATE_PORT_RESERVATION: o próximo bind na porta 0 recebe uma porta do bloco.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bind(): the system picked a port of the associated block.</source>
        <translation>bind(): o sistema escolheu uma porta do bloco associado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>getsockname(): the port the socket is bound to.</source>
        <translation>getsockname(): a porta à qual o soquete está vinculado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIO_RELEASE_PORT_RESERVATION: the block is given back.</source>
        <translation>SIO_RELEASE_PORT_RESERVATION: o bloco é devolvido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closesocket(): the socket is closed.</source>
        <translation>closesocket(): o soquete é fechado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bind() on a fresh socket, closed again.</source>
        <translation>bind() em um soquete novo, fechado em seguida.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>error</source>
        <translation>erro</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 — held by %2</source>
        <translation>%1 — mantida por %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explanation</source>
        <translation>Explicação</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Detalhe</translation>
    </message>
</context>
<context>
    <name>portolan::ui::LookupDialog</name>
    <message>
        <location filename="../../ui/reservations/lookupdialog.cpp" line="+26"/>
        <source>Look up a persistent reservation</source>
        <translation>Consultar uma reserva persistente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Windows finds a persistent reservation only by the exact start and count it was made with, never by a part of the block. Tokens may change at every restart of the machine.</source>
        <translation>O Windows só encontra uma reserva persistente pelo início e pela quantidade exatos com que foi criada, nunca por uma parte do bloco. Os tokens podem mudar a cada reinicialização da máquina.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Look up</source>
        <translation>&amp;Consultar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not looked up yet</source>
        <translation>ainda não consultada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;opy</source>
        <translation>C&amp;opiar</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>(copied)</source>
        <translation>(copiado)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Looking up…</source>
        <translation>Consultando…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 in decimal</source>
        <translation>%1 em decimal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is reserved. Its token is valid until the machine restarts.</source>
        <translation>%1 está reservado. O token vale até a máquina ser reiniciada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is reserved. This system keeps no tokens for persistent reservations.</source>
        <translation>%1 está reservado. Este sistema não guarda tokens para reservas persistentes.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is inside the reservation %2 (start %3, count %4): look it up by its first port and count.</source>
        <translation>%1 está dentro da reserva %2 (início %3, quantidade %4): consulte-a pela primeira porta e pela quantidade.</translation>
    </message>
</context>
<context>
    <name>portolan::ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+79"/>
        <source>Portolan — %1</source>
        <translation>Portolan — %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Views</source>
        <translation>Exibições</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reservations</source>
        <translation>Reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The inventory of persistent reservations (Ctrl+1)</source>
        <translation>O inventário de reservas persistentes (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port map</source>
        <translation>Mapa de portas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every port of TCP and UDP at a glance (Ctrl+2)</source>
        <translation>Todas as portas TCP e UDP de relance (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Probes</source>
        <translation>Sondagens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two sample programs and custom probes (Ctrl+3)</source>
        <translation>Os dois programas de exemplo e sondagens personalizadas (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan</source>
        <translation>Varredura</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bind-probe a range of ports (Ctrl+4)</source>
        <translation>Sondar com bind um intervalo de portas (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Audit log and probe runs (Ctrl+5)</source>
        <translation>Log de auditoria e execuções de sondagens (Ctrl+5)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowactions.cpp" line="+52"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a netsh excludedportrange report, portolan-cli --json list output or a JSON report exported by Portolan</source>
        <translation>Importar um relatório excludedportrange do netsh, a saída de portolan-cli --json list ou um relatório JSON exportado pelo Portolan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export report…</source>
        <translation>&amp;Exportar relatório…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the reservations, the port map and recent activity as PDF, HTML, CSV or JSON</source>
        <translation>Gravar as reservas, o mapa de portas e a atividade recente como PDF, HTML, CSV ou JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing the report to %1…</source>
        <translation>Gravando o relatório em %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New…</source>
        <translation>&amp;Nova…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a persistent reservation</source>
        <translation>Criar uma reserva persistente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lookup…</source>
        <translation>&amp;Consultar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look up a persistent reservation and its token</source>
        <translation>Consultar uma reserva persistente e o token dela</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Excluir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected reservation</source>
        <translation>Excluir a reserva selecionada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Verify all</source>
        <translation>&amp;Verificar todas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look every reservation of this host up again</source>
        <translation>Consultar novamente todas as reservas deste host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit &amp;note…</source>
        <translation>Editar n&amp;ota…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the note of the selected reservation</source>
        <translation>Alterar a nota da reserva selecionada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Di&amp;scover</source>
        <translation>&amp;Descobrir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find the reservations that exist on the system and add them to the inventory</source>
        <translation>Encontrar as reservas que existem no sistema e adicioná-las ao inventário</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh port map</source>
        <translation>Atuali&amp;zar mapa de portas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the reservations, listeners and dynamic range again</source>
        <translation>Ler de novo as reservas, os processos em escuta e o intervalo dinâmico</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reservations</source>
        <translation>&amp;Reservas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Port map</source>
        <translation>&amp;Mapa de portas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pro&amp;bes</source>
        <translation>&amp;Sondagens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;can</source>
        <translation>&amp;Varredura</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;History</source>
        <translation>&amp;Histórico</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F&amp;leet</source>
        <translation>F&amp;rota</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Filter reservations</source>
        <translation>&amp;Filtrar reservas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in on the port map</source>
        <translation>Ampliar o mapa de portas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;out</source>
        <translation>Red&amp;uzir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out on the port map</source>
        <translation>Reduzir o mapa de portas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;All ports</source>
        <translation>&amp;Todas as portas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run sample probe &amp;1 (acquire → release)</source>
        <translation>Executar sondagem de exemplo &amp;1 (adquirir → liberar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+1</source>
        <translation>Ctrl+Shift+1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run sample probe &amp;2 (lookup → associate → bind → getsockname)</source>
        <translation>Executar sondagem de exemplo &amp;2 (consultar → associar → bind → getsockname)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+2</source>
        <translation>Ctrl+Shift+2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test bind on the current map port</source>
        <translation>&amp;Testar bind na porta atual do mapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;About Portolan</source>
        <translation>&amp;Sobre o Portolan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Sobre o &amp;Qt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reservation</source>
        <translation>&amp;Reserva</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Tools</source>
        <translation>&amp;Ferramentas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Main toolbar</source>
        <translation>Barra de ferramentas principal</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="-27"/>
        <source>Reading the system… The inventory shown is the stored one.</source>
        <translation>Lendo o sistema… O inventário mostrado é o guardado.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Fleet</source>
        <translation>Frota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every host&apos;s snapshots, find a port, since the last boot (Ctrl+6)</source>
        <translation>Os snapshots de cada host, procurar uma porta, desde a última inicialização (Ctrl+6)</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>The machine has restarted since the last start: tokens may have changed, every reservation is looked up again.</source>
        <translation>A máquina foi reiniciada desde a última execução: os tokens podem ter mudado, e todas as reservas são consultadas novamente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Working…</source>
        <translation>Trabalhando…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Not yet: Portolan is still reading what this backend can do.</source>
        <translation>Ainda não: o Portolan ainda está lendo o que este backend pode fazer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This backend cannot create or look up persistent reservations.</source>
        <translation>Este backend não consegue criar nem consultar reservas persistentes.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This backend cannot discover the system&apos;s reservations.</source>
        <translation>Este backend não consegue descobrir as reservas do sistema.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This backend cannot bind-probe ports.</source>
        <translation>Este backend não consegue fazer sondagens de bind em portas.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>%1 failed: %2 %3</source>
        <translation>%1 falhou: %2 %3</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is selected in Reservations (Ctrl+1).</source>
        <translation>%1 está selecionado em Reservas (Ctrl+1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a runtime reservation held by %2: services make these, so it is not in the inventory.</source>
        <translation>%1 é uma reserva em tempo de execução mantida por %2: são os serviços que as criam, por isso ela não está no inventário.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not in the inventory yet: Reservation ▸ Discover adds it.</source>
        <translation>%1 ainda não está no inventário: Reserva ▸ Descobrir o adiciona.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowreservations.cpp" line="+62"/>
        <source>Select the reservation to delete first.</source>
        <translation>Primeiro selecione a reserva a excluir.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select the reservation whose note to edit first.</source>
        <translation>Primeiro selecione a reserva cuja nota deseja editar.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking every reservation of %1 up again…</source>
        <translation>Consultando novamente todas as reservas de %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discovering the reservations of %1…</source>
        <translation>Descobrindo as reservas de %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import a reservation report</source>
        <translation>Importar um relatório de reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports (*.txt *.json);;All files (*)</source>
        <translation>Relatórios (*.txt *.json);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was imported.</source>
        <translation>Nada foi importado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>elevation not known yet</source>
        <translation>elevação ainda desconhecida</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowactions.cpp" line="-158"/>
        <source>Restart as &amp;administrator</source>
        <translation>Reiniciar como &amp;administrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start Portolan again elevated, through the administrator prompt, with the same arguments</source>
        <translation>Iniciar o Portolan de novo com elevação, pelo aviso de administrador, com os mesmos argumentos</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guia do usuário</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the user guide in its own window</source>
        <translation>Abrir o guia do usuário numa janela própria</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="-141"/>
        <source>Portolan is already running elevated.</source>
        <translation>O Portolan já está rodando com elevação.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowreservations.cpp" line="-4"/>
        <source>Backend: %1, %3
Host: %2
Database: %4
Qt %5</source>
        <translation>Backend: %1, %3
Host: %2
Banco de dados: %4
Qt %5</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowactions.cpp" line="-78"/>
        <source>&amp;Protect ports…</source>
        <translation>&amp;Proteger portas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pin ports that a service&apos;s block covers: stop the service, reserve the ports, start it again</source>
        <translation>Fixar portas que o bloco de um serviço cobre: parar o serviço, reservar as portas e iniciá-lo de novo</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="-13"/>
        <source>This system has no services that hold port reservations.</source>
        <translation>Este sistema não tem serviços que mantenham reservas de portas.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowprotect.cpp" line="+43"/>
        <source>The command line&apos;s audit journal could not be read: %1</source>
        <translation>O diário de auditoria da linha de comando não pôde ser lido: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n step(s) of the command line added to the history.</source>
        <translation>
            <numerusform>%n passo da linha de comando adicionado ao histórico.</numerusform>
            <numerusform>%n passos da linha de comando adicionados ao histórico.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portolan::ui::NewReservationDialog</name>
    <message>
        <location filename="../../ui/reservations/newreservationdialog.cpp" line="+38"/>
        <source>New persistent reservation</source>
        <translation>Nova reserva persistente</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reserves a block of ports on %1 so that no program is given them automatically. Explicit binds to them still work.</source>
        <translation>Reserva um bloco de portas em %1 para que nenhum programa as receba automaticamente. Binds explícitos nelas continuam funcionando.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>owner and purpose, e.g. &quot;adb server, pinned for the team&quot;</source>
        <translation>responsável e finalidade, p. ex. &quot;servidor adb, fixado para a equipe&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pre-flight check:</source>
        <translation>Verificação prévia:</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Create</source>
        <translation>&amp;Criar</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Checking %1 %2…</source>
        <translation>Verificando %1 %2…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter a valid block to check it against the reservations, the listening programs and the dynamic range.</source>
        <translation>Informe um bloco válido para verificá-lo em relação às reservas, aos programas em escuta e ao intervalo dinâmico.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Blocks the create</source>
        <translation>Impede a criação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A warning: the create is still possible</source>
        <translation>Um aviso: a criação ainda é possível</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not be checked: %1</source>
        <translation>Não foi possível verificar: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No conflict found: no known reservation overlaps %1 %2, no program listens on it, and it lies outside the dynamic range.</source>
        <translation>Nenhum conflito encontrado: nenhuma reserva conhecida se sobrepõe a %1 %2, nenhum programa escuta nele, e ele fica fora do intervalo dinâmico.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Creating…</source>
        <translation>Criando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create is available once the pre-flight check has answered.</source>
        <translation>Criar fica disponível assim que a verificação prévia responder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create is disabled by the problem marked above.</source>
        <translation>Criar está desativado pelo problema marcado acima.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Create is disabled by the %n problems marked above.</source>
        <translation>
            <numerusform>Criar está desativado pelo %n problema marcado acima.</numerusform>
            <numerusform>Criar está desativado pelos %n problemas marcados acima.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Refused before calling the system.</source>
        <translation>Recusado antes de chamar o sistema.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system refused the reservation.</source>
        <translation>O sistema recusou a reserva.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was created: the message at the top of this dialog says why and what to do.</source>
        <translation>Nada foi criado: a mensagem no topo desta caixa diz por quê e o que fazer.</translation>
    </message>
    <message>
        <location line="-327"/>
        <source>&amp;Find a free block</source>
        <translation>&amp;Encontrar um bloco livre</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Creating a persistent reservation needs root, and Portolan is not running as root: the system will refuse it.</source>
        <translation>Criar uma reserva persistente exige root, e o Portolan não está sendo executado como root: o sistema recusará.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating a persistent reservation needs an elevated administrator, and Portolan is not running elevated: Windows will refuse it.</source>
        <translation>Criar uma reserva persistente exige privilégios de administrador, e o Portolan não está sendo executado com elevação: o Windows recusará.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The nearest block of this many ports outside every reservation, listener and the dynamic range, confirmed by bind probes</source>
        <translation>O bloco mais próximo com essa quantidade de portas fora de toda reserva, processo em escuta e do intervalo dinâmico, confirmado por sondagens de bind</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%1 is free: %n bind probe(s) succeeded.</source>
        <translation>
            <numerusform>%1 está livre: %n sondagem de bind funcionou.</numerusform>
            <numerusform>%1 está livre: %n sondagens de bind funcionaram.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No free block found: %1</source>
        <translation>Nenhum bloco livre encontrado: %1</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Searching…</source>
        <translation>Procurando…</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Prot&amp;ect ports…</source>
        <translation>Prote&amp;ger portas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the service that holds these ports, reserve them and start the service again</source>
        <translation>Parar o serviço que mantém estas portas, reservá-las e iniciar o serviço de novo</translation>
    </message>
</context>
<context>
    <name>portolan::ui::NoteDialog</name>
    <message>
        <location filename="../../ui/reservations/notedialog.cpp" line="+16"/>
        <source>Edit note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Note of the %1 reservation %2 (host %3):</source>
        <translation>&amp;Nota da reserva %1 %2 (host %3):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>owner and purpose</source>
        <translation>responsável e finalidade</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The change is recorded in the audit log with the old text.</source>
        <translation>A alteração fica registrada no log de auditoria junto com o texto anterior.</translation>
    </message>
</context>
<context>
    <name>portolan::ui::PortMapPage</name>
    <message>
        <location filename="../../ui/portmap/portmappage.cpp" line="+40"/>
        <source>Zoom in</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in around the current port (+, Ctrl++)</source>
        <translation>Ampliar em torno da porta atual (+, Ctrl++)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out</source>
        <translation>Reduzir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out (−, Ctrl+−)</source>
        <translation>Reduzir (−, Ctrl+−)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All ports</source>
        <translation>Todas as portas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show 0–65535 (Ctrl+0)</source>
        <translation>Mostrar 0–65535 (Ctrl+0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to port:</source>
        <translation>&amp;Ir para a porta:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 3000</source>
        <translation>p. ex. 3000</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test &amp;bind on the current port</source>
        <translation>&amp;Testar bind na porta atual</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Test &amp;bind on %1 %2</source>
        <translation>&amp;Testar bind em %1 %2</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Binds a socket to 127.0.0.1 on the current port and reports what the system answers; the run is recorded in the history.</source>
        <translation>Faz o bind de um soquete em 127.0.0.1 na porta atual e informa o que o sistema responde; a execução fica registrada no histórico.</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Binding 127.0.0.1:%1…</source>
        <translation>Fazendo bind em 127.0.0.1:%1…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bind %1 127.0.0.1:%2</source>
        <translation>Bind %1 127.0.0.1:%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Held by %1.</source>
        <translation>Mantida por %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The map shows why: the runtime reservation %1 held by %2 covers this port.</source>
        <translation>O mapa mostra o porquê: a reserva em tempo de execução %1 mantida por %2 cobre esta porta.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The bind probe did not run.</source>
        <translation>A sondagem de bind não foi executada.</translation>
    </message>
</context>
<context>
    <name>portolan::ui::PortMapWidget</name>
    <message>
        <location filename="../../ui/portmap/portmaplayout.cpp" line="+32"/>
        <source>Dynamic range</source>
        <translation>Intervalo dinâmico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persistent reservation (explicit binds work)</source>
        <translation>Reserva persistente (binds explícitos funcionam)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runtime reservation of a service (forbidden)</source>
        <translation>Reserva em tempo de execução de um serviço (proibida)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listener</source>
        <translation>Em escuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan: free</source>
        <translation>Varredura: livre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan: in use</source>
        <translation>Varredura: em uso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan: forbidden</source>
        <translation>Varredura: proibida</translation>
    </message>
    <message>
        <location filename="../../ui/portmap/portmapwidget.cpp" line="+26"/>
        <source>Port map</source>
        <translation>Mapa de portas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The TCP and UDP port space. Left/Right move the current port, Ctrl+Left/Right jump to the next reservation, listener or scan result, Up/Down switch protocol, +/- zoom, Ctrl+0 shows all ports, Enter selects the reservation under the current port.</source>
        <translation>O espaço de portas TCP e UDP. Esquerda/Direita movem a porta atual, Ctrl+Esquerda/Direita saltam para a próxima reserva, processo em escuta ou resultado de varredura, Cima/Baixo trocam o protocolo, +/- ampliam ou reduzem, Ctrl+0 mostra todas as portas, Enter seleciona a reserva sob a porta atual.</translation>
    </message>
    <message>
        <location filename="../../ui/portmap/portmaplanepainter.cpp" line="+198"/>
        <location filename="../../ui/portmap/portmaplayout.cpp" line="+32"/>
        <source>last scan</source>
        <translation>última varredura</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+199"/>
        <source>persistent</source>
        <translation>persistente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>not scanned</source>
        <translation>não varrida</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>free</source>
        <translation>livre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>erro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in use</source>
        <translation>em uso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forbidden</source>
        <translation>proibida</translation>
    </message>
    <message>
        <location line="-245"/>
        <location line="+329"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>dynamic range %1</source>
        <translation>intervalo dinâmico %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <location filename="../../ui/portmap/portmappainter.cpp" line="+80"/>
        <source>Showing %1 (%2 ports)</source>
        <translation>Mostrando %1 (%2 portas)</translation>
    </message>
</context>
<context>
    <name>portolan::ui::ProbesView</name>
    <message>
        <location filename="../../ui/probes/probesview.cpp" line="+53"/>
        <source>%1 ports, wherever the system chooses</source>
        <translation>%1 portas, onde o sistema escolher</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Steps</source>
        <translation>Etapas</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Each run is recorded in the history.</source>
        <translation>Cada execução fica registrada no histórico.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sample 1: acquire → release</source>
        <translation>Exemplo 1: adquirir → liberar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IPv4 (AF_INET)</source>
        <translation>IPv4 (AF_INET)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPv6 (AF_INET6)</source>
        <translation>IPv6 (AF_INET6)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stream</source>
        <translation>stream</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dgram</source>
        <translation>dgram</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP (6)</source>
        <translation>TCP (6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP (17)</source>
        <translation>UDP (17)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+55"/>
        <location line="+38"/>
        <source>0 = any</source>
        <translation>0 = qualquer</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Run sample &amp;1</source>
        <translation>Executar exemplo &amp;1</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Opens a socket, acquires a runtime reservation of (start, count) — start 0 lets the system choose — and releases it by its token.</source>
        <translation>Abre um soquete, adquire uma reserva em tempo de execução de (início, quantidade) — início 0 deixa o sistema escolher — e a libera pelo token.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Family</source>
        <translation>&amp;Família</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ype</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;tocol</source>
        <translation>Pro&amp;tocolo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start</source>
        <translation>&amp;Início</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ount</source>
        <translation>&amp;Quantidade</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sample 2: lookup → associate → bind → getsockname</source>
        <translation>Exemplo 2: consultar → associar → bind → getsockname</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run sample &amp;2</source>
        <translation>Executar exemplo &amp;2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Looks up the persistent TCP reservation (start, count), associates a socket with its token, binds to port 0 and reads the port the system allocated: it must lie inside the block.</source>
        <translation>Consulta a reserva TCP persistente (início, quantidade), associa um soquete ao token dela, faz bind na porta 0 e lê a porta que o sistema alocou: ela deve ficar dentro do bloco.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>St&amp;art</source>
        <translation>Iní&amp;cio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cou&amp;nt</source>
        <translation>Qua&amp;ntidade</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Custom probe: acquire or look up, associate, bind</source>
        <translation>Sondagem personalizada: adquirir ou consultar, associar, bind</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Range</source>
        <translation>Inte&amp;rvalo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To&amp;ken</source>
        <translation>To&amp;ken</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>0x… or decimal</source>
        <translation>0x… ou decimal</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Run &amp;custom probe</source>
        <translation>Executar sondagem &amp;personalizada</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Protoco&amp;l</source>
        <translation>Protoco&amp;lo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fa&amp;mily</source>
        <translation>Fa&amp;mília</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ddress</source>
        <translation>En&amp;dereço</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Co&amp;unt</source>
        <translation>Q&amp;uantidade</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Range start</source>
        <translation>Início do intervalo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range count</source>
        <translation>Quantidade do intervalo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Bind probe: one port</source>
        <translation>Sondagem de bind: uma porta</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Bind</source>
        <translation>&amp;Bind</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Binds a fresh socket to the port and closes it again: shows whether a server could listen there, and who holds the port when it cannot (port 0 lets the system choose).</source>
        <translation>Faz o bind de um soquete novo na porta e o fecha em seguida: mostra se um servidor poderia escutar ali e, se não puder, quem ocupa a porta (a porta 0 deixa o sistema escolher).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proto&amp;col</source>
        <translation>Pr&amp;otocolo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Famil&amp;y</source>
        <translation>F&amp;amília</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Addr&amp;ess</source>
        <translation>Ender&amp;eço</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Port</source>
        <translation>P&amp;orta</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>token: no persistent reservation with token %1 is known to the console; look the block up (Reservations) or use its range</source>
        <translation>token: o console não conhece nenhuma reserva persistente com o token %1; consulte o bloco (Reservas) ou use o intervalo dele</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>token: %1 is a UDP reservation; associating by token is probed on TCP, as in sample 2</source>
        <translation>token: %1 é uma reserva UDP; a associação por token é sondada em TCP, como no exemplo 2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+20"/>
        <source>address: an address is required, e.g. 127.0.0.1 or ::1</source>
        <translation>address: é necessário um endereço, p. ex. 127.0.0.1 ou ::1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sample 1 (acquire → release) of %1</source>
        <translation>Exemplo 1 (adquirir → liberar) de %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sample 2 (lookup → associate → bind) of TCP %1</source>
        <translation>Exemplo 2 (consultar → associar → bind) de TCP %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Custom probe: token %1 (TCP %2)</source>
        <translation>Sondagem personalizada: token %1 (TCP %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Custom probe: %1 %2 on %3</source>
        <translation>Sondagem personalizada: %1 %2 em %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bind probe: %1 %2 port %3</source>
        <translation>Sondagem de bind: %1 %2 porta %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;i&gt;Running…&lt;/i&gt;</source>
        <translation>&lt;i&gt;Em execução…&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running.</source>
        <translation>Em execução.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Recorded in the history as run %1.</source>
        <translation>Registrada no histórico como execução %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recorded in the history.</source>
        <translation>Não registrada no histórico.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Not run:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Não executada:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was recorded.</source>
        <translation>Nada foi registrado.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The run could not be recorded in the history: %1</source>
        <translation>Não foi possível registrar a execução no histórico: %1</translation>
    </message>
    <message>
        <location filename="../../ui/probes/probesummary.cpp" line="+53"/>
        <source>&lt;b&gt;Free:&lt;/b&gt; the system chose %1 port %2 on %3; the bind succeeded.</source>
        <translation>&lt;b&gt;Livre:&lt;/b&gt; o sistema escolheu a porta %1 %2 em %3; o bind foi bem-sucedido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Free:&lt;/b&gt; %1 %2 on %3 can be bound; the bind succeeded.</source>
        <translation>&lt;b&gt;Livre:&lt;/b&gt; é possível fazer bind em %1 %2 em %3; o bind foi bem-sucedido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;In use:&lt;/b&gt; %1 %2 on %3 is taken%4 — %5.</source>
        <translation>&lt;b&gt;Em uso:&lt;/b&gt; %1 %2 em %3 está ocupada%4 — %5.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source> by %1</source>
        <translation> por %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&lt;b&gt;Denied:&lt;/b&gt; %1 %2 on %3 is refused%4 — %5. No reservation covers the port: a socket of another account, or one bound with SO_EXCLUSIVEADDRUSE, holds it. Stop that program or choose another port.</source>
        <translation>&lt;b&gt;Negada:&lt;/b&gt; %1 %2 em %3 foi recusada%4 — %5. Nenhuma reserva cobre a porta: um socket de outra conta, ou um vinculado com SO_EXCLUSIVEADDRUSE, a mantém. Encerre esse programa ou escolha outra porta.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an unknown process</source>
        <translation>um processo desconhecido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>persistent reservation</source>
        <translation>reserva persistente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>runtime reservation</source>
        <translation>reserva em tempo de execução</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system refused a bind inside a persistent reservation.</source>
        <translation>O sistema recusou um bind dentro de uma reserva persistente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing may listen there, yet every bind fails until the service gives the block back (it may move at the next boot): use a port outside %1, or pin this one with a persistent reservation while the service is stopped.</source>
        <translation>Talvez nada escute ali, mas todo bind falha até o serviço devolver o bloco (ele pode mudar de lugar na próxima inicialização): use uma porta fora de %1, ou fixe esta com uma reserva persistente enquanto o serviço estiver parado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Forbidden:&lt;/b&gt; %1 %2 is inside the %3 %4 held by %5 — %6. %7</source>
        <translation>&lt;b&gt;Proibida:&lt;/b&gt; %1 %2 está dentro da %3 %4 mantida por %5 — %6. %7</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Forbidden:&lt;/b&gt; %1 %2 is refused%3 — %4. %5</source>
        <translation>&lt;b&gt;Proibida:&lt;/b&gt; %1 %2 foi recusada%3 — %4. %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, held by %1</source>
        <translation>, mantida por %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Failed:&lt;/b&gt; %1 %2 on %3 — %4</source>
        <translation>&lt;b&gt;Falhou:&lt;/b&gt; %1 %2 em %3 — %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;OK:&lt;/b&gt; acquired %1 %2 (token %3) and released it.</source>
        <translation>&lt;b&gt;OK:&lt;/b&gt; %1 %2 adquirido (token %3) e liberado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;OK:&lt;/b&gt; allocated port %1 inside %2 (token %3).</source>
        <translation>&lt;b&gt;OK:&lt;/b&gt; porta %1 alocada dentro de %2 (token %3).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Wrong:&lt;/b&gt; allocated port %1 lies OUTSIDE %2 (token %3).</source>
        <translation>&lt;b&gt;Errado:&lt;/b&gt; a porta alocada %1 fica FORA de %2 (token %3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;OK:&lt;/b&gt; %1 %2 (token %3).</source>
        <translation>&lt;b&gt;OK:&lt;/b&gt; %1 %2 (token %3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;OK:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;OK:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Failed at %1:&lt;/b&gt; %2%3</source>
        <translation>&lt;b&gt;Falhou em %1:&lt;/b&gt; %2%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Falhou:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>portolan::ui::ProtectWizard</name>
    <message>
        <location filename="../../ui/protect/protectwizard.cpp" line="+24"/>
        <source>WSL 2 port forwarding and container NAT</source>
        <translation>o encaminhamento de portas do WSL 2 e o NAT dos contêineres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hyper-V virtual switches, WSL 2 and container networking</source>
        <translation>os comutadores virtuais do Hyper-V, o WSL 2 e a rede dos contêineres</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plan</source>
        <translation>Plano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the service</source>
        <translation>Parar o serviço</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the persistent reservation</source>
        <translation>Criar a reserva persistente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the service again</source>
        <translation>Iniciar o serviço de novo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Protect ports</source>
        <translation>Proteger portas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pin ports that a service holds</source>
        <translation>Fixar portas que um serviço mantém</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is changed until you choose Protect.</source>
        <translation>Nada é alterado até você escolher Proteger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Protect</source>
        <translation>&amp;Proteger</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pr&amp;otocol:</source>
        <translation>Pr&amp;otocolo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start:</source>
        <translation>&amp;Início:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Count:</source>
        <translation>&amp;Quantidade:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Protecting the ports</source>
        <translation>Protegendo as portas</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Reading the services and reservations…</source>
        <translation>Lendo os serviços e as reservas…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>These ports cannot be protected: %1</source>
        <translation>Estas portas não podem ser protegidas: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No service&apos;s block covers %1. Protect creates the persistent reservation; no service is stopped.</source>
        <translation>Nenhum bloco de serviço cobre %1. Proteger cria a reserva persistente; nenhum serviço é parado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 lies in the runtime block %2, held by %3. Protect stops the service, creates the persistent reservation %1 and starts the service again; Windows then places its blocks elsewhere.</source>
        <translation>%1 está no bloco de tempo de execução %2, mantido por %3. Proteger para o serviço, cria a reserva persistente %1 e inicia o serviço de novo; o Windows então coloca os blocos dele em outro lugar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>what depends on it</source>
        <translation>o que depende dele</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Warning:&lt;/b&gt; while %1 is stopped, %2 stop working. Running WSL 2 distributions and containers lose their forwarded ports until the service runs again, a few seconds later.</source>
        <translation>&lt;b&gt;Atenção:&lt;/b&gt; enquanto %1 estiver parado, %2 deixam de funcionar. Distribuições WSL 2 e contêineres em execução perdem as portas encaminhadas até o serviço voltar a funcionar, alguns segundos depois.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop %1 for the time it takes</source>
        <translation>Parar %1 pelo tempo necessário</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>✔ The persistent reservation %1 stands.</source>
        <translation>✔ A reserva persistente %1 existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✘ There is no reservation %1.</source>
        <translation>✘ Não há reserva %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✔ %1 runs again.</source>
        <translation>✔ %1 está em execução de novo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✘ %1 does not run: start it yourself (net start %2).</source>
        <translation>✘ %1 não está em execução: inicie-o você mesmo (net start %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its blocks now: %1.</source>
        <translation>Os blocos dele agora: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
</context>
<context>
    <name>portolan::ui::RangeHealthLine</name>
    <message>
        <location filename="../../ui/diagnose/rangehealthline.cpp" line="+23"/>
        <source>Dynamic range: reading…</source>
        <translation>Intervalo dinâmico: lendo…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore Windows&apos; default</source>
        <translation>Restaurar o padrão do Windows</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Windows&apos; default is 49152–65535 for TCP and UDP. Services such as WinNAT and HNS take their blocks again at the next boot, so blocks move then. Needs an elevated administrator.</source>
        <translation>O padrão do Windows é 49152–65535 para TCP e UDP. Serviços como WinNAT e HNS tomam seus blocos de novo na próxima inicialização, e então os blocos mudam de lugar. Requer privilégios de administrador.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The dynamic range is Windows&apos; default again. Blocks held by services may move at the next boot.</source>
        <translation>O intervalo dinâmico voltou ao padrão do Windows. Blocos mantidos por serviços podem mudar de lugar na próxima inicialização.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Restoring Windows&apos; default…</source>
        <translation>Restaurando o padrão do Windows…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not restored: %1</source>
        <translation>Não restaurado: %1</translation>
    </message>
</context>
<context>
    <name>portolan::ui::ReportExporter</name>
    <message>
        <location filename="../../ui/reports/reportexporter.cpp" line="+43"/>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML page (*.html *.htm)</source>
        <translation>Página HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV table (*.csv)</source>
        <translation>Tabela CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON data (*.json)</source>
        <translation>Dados JSON (*.json)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A report is still being written; wait for it to finish.</source>
        <translation>Um relatório ainda está sendo gravado; aguarde o término.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+43"/>
        <source>Export report</source>
        <translation>Exportar relatório</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The report was not exported.</source>
        <translation>O relatório não foi exportado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export failed (%1): %2 %3</source>
        <translation>Falha na exportação (%1): %2 %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exported the %1 report of %2 (%3 reservations) to %4.</source>
        <translation>Relatório %1 de %2 (%3 reservas) exportado para %4.</translation>
    </message>
</context>
<context>
    <name>portolan::ui::ReservationsView</name>
    <message>
        <location filename="../../ui/reservations/reservationsview.cpp" line="+33"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>note, host or a port such as 5037 (Ctrl+F)</source>
        <translation>nota, host ou uma porta como 5037 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>P&amp;rotocol:</source>
        <translation>P&amp;rotocolo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tate:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>deleted</source>
        <translation>excluída</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blocks deleted through this console, from the audit log</source>
        <translation>Blocos excluídos por este console, a partir do log de auditoria</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>discovered</source>
        <translation>descoberta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unverified</source>
        <translation>não verificada</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The inventory is empty. Create a reservation with Reservation ▸ New… (Ctrl+N), find the existing ones with Reservation ▸ Discover, or import a netsh report with File ▸ Import…</source>
        <translation>O inventário está vazio. Crie uma reserva com Reserva ▸ Nova… (Ctrl+N), encontre as existentes com Reserva ▸ Descobrir, ou importe um relatório do netsh com Arquivo ▸ Importar…</translation>
    </message>
    <message numerus="yes">
        <location line="+143"/>
        <source>%n reservation(s)</source>
        <translation>
            <numerusform>%n reserva</numerusform>
            <numerusform>%n reservas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n row(s)</source>
        <translation>
            <numerusform>%1 de %n linha</numerusform>
            <numerusform>%1 de %n linhas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n deleted</source>
        <translation>
            <numerusform>, %n excluída</numerusform>
            <numerusform>, %n excluídas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a reservation to see its details; it is also highlighted on the port map (Ctrl+2).</source>
        <translation>Selecione uma reserva para ver os detalhes; ela também fica destacada no mapa de portas (Ctrl+2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n port(s)</source>
        <translation>
            <numerusform>%n porta</numerusform>
            <numerusform>%n portas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1</source>
        <translation>host %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token %1 · %2 · created %3 · verified %4</source>
        <translation>Token %1 · %2 · criada em %3 · verificada em %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No note (F2 to add one).</source>
        <translation>Sem nota (F2 para adicionar).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
</context>
<context>
    <name>portolan::ui::ScanRunModel</name>
    <message>
        <location filename="../../ui/scan/scanrunmodel.cpp" line="+32"/>
        <source>free here; %1 on %2 takes the port&apos;s other addresses</source>
        <translation>livre aqui; %1 em %2 recebe os outros endereços da porta</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held by</source>
        <translation>Mantida por</translation>
    </message>
</context>
<context>
    <name>portolan::ui::ScanView</name>
    <message>
        <location filename="../../ui/scan/scanview.cpp" line="+47"/>
        <source>FIRST-LAST or one port</source>
        <translation>PRIMEIRA-ÚLTIMA ou uma porta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start scan</source>
        <translation>&amp;Iniciar varredura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the scan (Enter)</source>
        <translation>Iniciar a varredura (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the scan and keep the ports probed so far (Esc)</source>
        <translation>Parar a varredura e manter as portas sondadas até agora (Esc)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Protocol</source>
        <translation>&amp;Protocolo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Family</source>
        <translation>&amp;Família</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Address</source>
        <translation>&amp;Endereço</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P&amp;orts</source>
        <translation>P&amp;ortas</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+203"/>
        <source>Not started.</source>
        <translation>Não iniciada.</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>65,535 of 65,535 ports</source>
        <translation>65.535 de 65.535 portas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Hide free runs</source>
        <translation>Ocultar fai&amp;xas livres</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Each scan is recorded in the history.</source>
        <translation>Cada varredura fica registrada no histórico.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>address: an address is required, e.g. 127.0.0.1 or ::1</source>
        <translation>address: é necessário um endereço, p. ex. 127.0.0.1 ou ::1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>0 of %1 ports</source>
        <translation>0 de %1 portas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanning %1 %2 %3…</source>
        <translation>Varrendo %1 %2 %3…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+15"/>
        <source>%1 of %2 ports</source>
        <translation>%1 de %2 portas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded in the history as run %1.</source>
        <translation>Registrada no histórico como execução %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recorded in the history.</source>
        <translation>Não registrada no histórico.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;Not scanned:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Não varrida:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was recorded.</source>
        <translation>Nada foi registrado.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The scan could not be recorded in the history: %1</source>
        <translation>Não foi possível registrar a varredura no histórico: %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Cancelled&lt;/b&gt; after %1 of %2 ports (%3) in %4</source>
        <translation>&lt;b&gt;Cancelada&lt;/b&gt; após %1 de %2 portas (%3) em %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Complete:&lt;/b&gt; %1 ports of %2 %3 probed in %4</source>
        <translation>&lt;b&gt;Concluída:&lt;/b&gt; %1 portas de %2 %3 sondadas em %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — %2, %3, %4, %5, %6 (%7 runs).</source>
        <translation>%1 — %2, %3, %4, %5, %6 (%7 faixas).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 free</source>
        <translation>%1 livres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in use</source>
        <translation>%1 em uso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 denied</source>
        <translation>%1 negadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 forbidden</source>
        <translation>%1 proibidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 other</source>
        <translation>%1 outros</translation>
    </message>
</context>
<context>
    <name>portolan::ui::StatusBarInfo</name>
    <message>
        <location filename="../../ui/statusbarinfo.cpp" line="+123"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulated</source>
        <translation>Simulado</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A simulated Windows machine from a scenario: nothing on this computer is changed.</source>
        <translation>Uma máquina Windows simulada a partir de um cenário: nada neste computador é alterado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The real port reservations of this computer.</source>
        <translation>As reservas de portas reais deste computador.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The machine whose reservations are shown and changed.</source>
        <translation>A máquina cujas reservas são exibidas e alteradas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: %1</source>
        <translation>Banco de dados: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Database:</source>
        <translation>Banco de dados:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the system…</source>
        <translation>Lendo o sistema…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Portolan is asking the backend what it can do and whether this process is elevated. The inventory below is the one stored in the database; the actions that need the answer are enabled when it arrives.</source>
        <translation>O Portolan está perguntando ao backend o que ele pode fazer e se este processo está elevado. O inventário abaixo é o guardado no banco de dados; as ações que precisam da resposta são habilitadas quando ela chegar.</translation>
    </message>
</context>
<context>
    <name>portolan::ui::WatchListDialog</name>
    <message>
        <location filename="../../ui/fleet/watchlistdialog.cpp" line="+43"/>
        <source>Other ports: %1 is not a port; allowed: 1-65535, optionally after tcp or udp, separated by commas</source>
        <translation>Outras portas: %1 não é uma porta; permitido: 1-65535, opcionalmente após tcp ou udp, separadas por vírgulas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Watched ports</source>
        <translation>Portas vigiadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The console tells you when a block starts covering one of these ports, for example after a reboot moved WinNAT&apos;s blocks. Common development servers&apos; ports (TCP):</source>
        <translation>O console avisa quando um bloco passa a cobrir uma destas portas, por exemplo depois que uma reinicialização moveu os blocos do WinNAT. Portas comuns de servidores de desenvolvimento (TCP):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Other ports:</source>
        <translation>&amp;Outras portas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 7000, udp 5353</source>
        <translation>ex.: 7000, udp 5353</translation>
    </message>
</context>
</TS>
